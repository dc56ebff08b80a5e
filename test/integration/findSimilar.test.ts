// candor.findSimilar in the real extension host, from each entry point: a script with a note's
// Uri or a draft (the array, no UI), the note's tree item (a quick pick; picking opens the note),
// the palette on the active note; bad arguments reject with a message. Also Log Mistake's
// `related` and the Learnings tree's related notes, both ways.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SimilarNote } from '../../src/core/similar/similarNotes';
import { SimilarSuggestions } from '../../src/features/logMistake/similarSuggestions';
import { NoteEditor } from '../../src/features/notes/noteEdits';
import { FindSimilarCommand } from '../../src/features/similar/findSimilarCommand';
import type { LearningsNode } from '../../src/features/learnings/learningsNodes';
import { candor, treeSnapshot, waitFor } from './helpers';

async function runAccepting<T>(command: string, ...args: unknown[]): Promise<T> {
  const pending = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
  await new Promise((r) => setTimeout(r, 1500));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return pending;
}

describe('Find Similar (candor.findSimilar)', function () {
  this.timeout(60_000);
  let first: vscode.Uri;
  let second: vscode.Uri;
  const id = (uri: vscode.Uri) => path.basename(uri.fsPath, '.md');

  before(async () => {
    first = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', {
      title: 'Flushed the staging Redis cache', severity: 'medium', action: 'Ran FLUSHALL on staging', files: [{ path: 'src/cache.ts', startLine: 12, endLine: 18 }],
    });
    second = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', {
      title: 'Emptied the cache on the test servers', severity: 'low', files: [{ path: 'src/cache.ts', startLine: 14, endLine: 16 }], related: [id(first)],
    });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(first.fsPath, { force: true });
    fs.rmSync(second.fsPath, { force: true });
  });

  it('returns [{ id, title, score, reasons }] for a note\'s Uri and for a draft, with no UI', async () => {
    const byNote = await vscode.commands.executeCommand<SimilarNote[]>('candor.findSimilar', second);
    assert.ok(Array.isArray(byNote) && byNote.length <= 10);
    assert.strictEqual(byNote[0].id, id(first));
    assert.deepStrictEqual(Object.keys(byNote[0]).sort(), ['id', 'reasons', 'score', 'title']);
    assert.ok(byNote[0].reasons.includes('same lines'), byNote[0].reasons.join(', '));
    assert.ok(byNote[0].reasons.includes('marked related'));
    assert.ok(byNote.every((m) => m.id !== id(second)));
    const byDraft = await vscode.commands.executeCommand<SimilarNote[]>('candor.findSimilar', { text: 'flushed the staging cache again', files: [{ path: 'src/cache.ts', startLine: 13 }] });
    assert.ok(byDraft.slice(0, 2).some((m) => m.id === id(first)));
    assert.strictEqual(vscode.window.activeTextEditor, undefined, 'no editor opened');
  });

  it('rejects bad arguments with a clear message', async () => {
    const bad: [unknown, RegExp][] = [
      ['flushed', /note's Uri or \{ text\?/],
      [{}, /Give some text or at least one file/],
      [{ txt: 'x' }, /does not know "txt"/],
      [{ files: [{ path: '../outside.ts' }] }, /leaves the repository/],
      [vscode.Uri.file(path.join(path.dirname(first.fsPath), 'no-such-note.md')), /not a note/],
    ];
    for (const [arg, message] of bad) {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.findSimilar', arg)), message);
    }
  });

  it('from the note\'s context menu shows the matches; picking one opens it', async () => {
    const api = await candor();
    const node = await waitFor('the note in the tree', async () =>
      (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === 'Emptied the cache on the test servers')?.node);
    const found = await runAccepting<SimilarNote[]>('candor.findSimilar', node, [node]);
    assert.strictEqual(found[0].id, id(first));
    await waitFor('the picked note open', () => vscode.window.activeTextEditor?.document.uri.fsPath === first.fsPath);
  });

  it('from the palette works on the active note', async () => {
    await vscode.window.showTextDocument(second);
    const found = await runAccepting<SimilarNote[]>('candor.findSimilar');
    assert.strictEqual(found[0].id, id(first));
    await waitFor('the picked note open', () => vscode.window.activeTextEditor?.document.uri.fsPath === first.fsPath);
  });

  it('writes `related` from Log Mistake and shows related notes both ways in the tree', async () => {
    assert.match(fs.readFileSync(second.fsPath, 'utf8'), new RegExp(`^related: \\[${id(first)}\\]$`, 'm'));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.logMistake', { title: 'x', related: ['2020-01-01-no-such-note'] })), /no note "2020-01-01-no-such-note"/);
    const api = await candor();
    const notes = (await treeSnapshot(api)).flatMap((g) => g.notes);
    const children = async (title: string) => {
      const node = notes.find((n) => n.item.label === title)!.node;
      return (await api.learnings.getChildren(node)).filter((c): c is Extract<LearningsNode, { kind: 'related' }> => c.kind === 'related').map((c) => api.learnings.getTreeItem(c));
    };
    const ofSecond = await children('Emptied the cache on the test servers');
    assert.deepStrictEqual(ofSecond.map((i) => [i.label, i.contextValue]), [['Flushed the staging Redis cache', 'candor.related.names']]);
    const ofFirst = await children('Flushed the staging Redis cache');
    assert.deepStrictEqual(ofFirst.map((i) => [i.label, i.contextValue]), [['Emptied the cache on the test servers', 'candor.related.namedBy']]);
    assert.strictEqual(ofFirst[0].command?.command, 'candor.openNote');
  });

  it('Log Mistake\'s suggestions: searched from the title alone, without blocking; a match marked after the note is written is set in it', async () => {
    const api = await candor();
    const suggestions = new SimilarSuggestions(new FindSimilarCommand(api.notes, api.git), api.notes, new NoteEditor(api.notes));
    const folder = vscode.workspace.workspaceFolders![0];
    const started = Date.now();
    suggestions.start(folder, 'Flushed the staging Redis cache by mistake', []);
    assert.ok(Date.now() - started < 200, 'start returns at once');
    const shown = await suggestions.shown;
    assert.strictEqual(shown[0]?.id, id(first));
    assert.deepStrictEqual(suggestions.relatedIds(), []);
    const third = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', { title: 'Flushed the staging Redis cache by mistake', severity: 'low' });
    try {
      suggestions.noteWritten(third, []);
      await suggestions.markRelated(id(first));
      assert.match(fs.readFileSync(third.fsPath, 'utf8'), new RegExp(`^related: \\[${id(first)}\\]$`, 'm'));
    } finally {
      fs.rmSync(third.fsPath, { force: true });
    }
  });
});
