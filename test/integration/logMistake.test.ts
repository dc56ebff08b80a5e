import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseNote } from '../../src/core/noteFormat/noteParser';
import { candor, clearIncidents, incidentsDir, treeSnapshot, waitFor, workspaceRoot } from './helpers';

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceRoot(), encoding: 'utf8' }).trim();
}

describe('candor.logMistake in the extension host', () => {
  before(() => clearIncidents());
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('writes a linked note with no prompt and returns its Uri', async () => {
    const api = await candor();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', {
      title: 'Shortened the cache TTL to one second',
      severity: 'high',
      tryingTo: 'Make stale prices expire sooner',
      action: 'Changed the expiry check in get()',
      outcome: 'Entries expired a second early everywhere',
      files: [{ path: 'src/cache.ts', startLine: 12, endLine: 18 }],
    });
    assert.ok(uri instanceof vscode.Uri, 'returns a Uri');
    const today = new Date().toISOString().slice(0, 10);
    assert.strictEqual(path.basename(uri.fsPath), `${today}-shortened-the-cache-ttl-to-one-second.md`);
    assert.strictEqual(path.dirname(uri.fsPath), incidentsDir());
    const parsed = parseNote(fs.readFileSync(uri.fsPath, 'utf8'), path.basename(uri.fsPath));
    assert.deepStrictEqual(parsed.problems, []);
    const { note } = parsed;
    assert.strictEqual(note.severity, 'high');
    assert.strictEqual(note.branch, 'main');
    assert.strictEqual(note.head, git('rev-parse', 'HEAD'));
    assert.strictEqual(note.author, 'Test User <test@example.com>');
    const tune = git('log', '--format=%H', '--grep=Tune cache TTL');
    // On main with no remote there is no base to tell the person's new work from: blame's commit is
    // the lines' history (the person can confirm it as introduced).
    assert.deepStrictEqual(note.commits, [{ sha: tune, role: 'history', subject: 'Tune cache TTL' }]);
    assert.deepStrictEqual(note.files.map((f) => [f.path, f.lines, f.commit]), [['src/cache.ts', [12, 18], note.head]]);
    assert.match(note.body, /## What I was trying to do\n\nMake stale prices expire sooner\n/);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === uri.fsPath), 'the programmatic form opens nothing');

    // The tree shows it under Open, with its file and commit as children.
    const tree = await treeSnapshot(api);
    const open = tree.find((g) => g.group === 'Open');
    assert.ok(open, `groups: ${tree.map((g) => g.group)}`);
    const entry = open.notes.find((n) => n.item.label === 'Shortened the cache TTL to one second');
    assert.ok(entry, 'the note is in the tree');
    assert.match(String(entry.item.description), /high/);
    assert.strictEqual(entry.item.contextValue, 'candor.note.open.high');
    const children = await api.learnings.getChildren(entry.node);
    const labels = children.map((c) => api.learnings.getTreeItem(c).label);
    assert.deepStrictEqual(labels, ['cache.ts:12-18', 'Tune cache TTL']);
  });

  it('opens a linked file with the recorded lines selected', async () => {
    const api = await candor();
    const tree = await treeSnapshot(api);
    const entry = tree.flatMap((g) => g.notes).find((n) => n.item.label === 'Shortened the cache TTL to one second')!;
    const [fileNode] = await api.learnings.getChildren(entry.node);
    const item = api.learnings.getTreeItem(fileNode);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor('the linked file to open', () => vscode.window.activeTextEditor?.document.uri.fsPath.endsWith('cache.ts') && vscode.window.activeTextEditor);
    assert.strictEqual(editor.selection.start.line, 11);
    assert.strictEqual(editor.selection.end.line, 17);
  });

  it('links the unsaved text of an open editor and keeps the cursor range', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'src/cache.ts'));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// unsaved line\n'));
    assert.ok(doc.isDirty);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', { title: 'Linked an unsaved edit', files: [{ path: 'src/cache.ts', startLine: 1 }] });
    const { note } = parseNote(fs.readFileSync(uri.fsPath, 'utf8'), path.basename(uri.fsPath));
    assert.strictEqual(note.severity, 'medium', 'the default severity setting');
    assert.deepStrictEqual(note.files[0].lines, [1, 1]);
    assert.strictEqual(note.files[0].uncommitted, 'unsaved');
    assert.strictEqual(note.files[0].anchor, '// unsaved line');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('rejects bad programmatic arguments with a clear message and writes nothing', async () => {
    const before = fs.readdirSync(incidentsDir()).length;
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.logMistake', { title: '' })), /title is required/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.logMistake', { title: 'x', severity: 'catastrophic' })), /severity must be one of/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.logMistake', { title: 'x', files: [{ path: 'a.ts', startLine: 0 }] })), /line number/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.logMistake', { title: 'x', folder: 'no-such-folder' })), /No workspace folder matches/);
    assert.strictEqual(fs.readdirSync(incidentsDir()).length, before);
  });

  it('writes nothing when the interactive flow is cancelled with Escape', async () => {
    const before = fs.readdirSync(incidentsDir()).length;
    const pending = vscode.commands.executeCommand<vscode.Uri | undefined>('candor.logMistake', vscode.Uri.file(path.join(workspaceRoot(), 'src/cache.ts')));
    await new Promise((r) => setTimeout(r, 800));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await pending, undefined);
    assert.strictEqual(fs.readdirSync(incidentsDir()).length, before);
  });

  it('records paths with spaces and non-ASCII characters', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', {
      title: 'Über-naïve façade',
      files: [{ path: 'src/dir with space/naïve file.ts' }],
    });
    assert.match(path.basename(uri.fsPath), /-uber-naive-facade\.md$/);
    const { note } = parseNote(fs.readFileSync(uri.fsPath, 'utf8'), path.basename(uri.fsPath));
    assert.strictEqual(note.title, 'Über-naïve façade');
    assert.deepStrictEqual(note.files.map((f) => f.path), ['src/dir with space/naïve file.ts']);
  });
});
