import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseNote } from '../../src/core/noteFormat/noteParser';
import { candor, treeSnapshot, waitFor, workspaceRoot } from './helpers';

const TITLE = 'Expired cache entries a second early';

async function hoverTexts(doc: vscode.TextDocument, line: number): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 2));
  // MarkdownString.appendText turns spaces into &nbsp;: compare the text as it reads.
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '').replace(/&nbsp;/g, ' ')));
}

async function lensTitles(doc: vscode.TextDocument): Promise<[number, string][]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
  return lenses.filter((l) => l.command?.title.includes('Learning:')).map((l) => [l.range.start.line, l.command!.title]);
}

describe('learnings in the code: hover, CodeLens, anchors', () => {
  let noteUri: vscode.Uri;
  let doc: vscode.TextDocument;

  before(async () => {
    await candor();
    noteUri = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', {
      title: TITLE,
      severity: 'medium',
      files: [{ path: 'src/cache.ts', startLine: 12, endLine: 18 }],
    });
    fs.appendFileSync(noteUri.fsPath, '\nNever shorten an expiry without a test.\n');
    await (await candor()).notes.refreshFile(noteUri);
    doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'src/cache.ts'));
    await vscode.window.showTextDocument(doc);
  });
  after(async () => {
    // Leave src/cache.ts as the other suites expect it: its edits here were never saved.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the learning in a hover on a linked line, and not elsewhere', async () => {
    const texts = await waitFor('the hover', async () => {
      const t = await hoverTexts(doc, 13);
      return t.some((x) => x.includes(TITLE)) && t;
    });
    const ours = texts.find((t) => t.includes(TITLE))!;
    assert.match(ours, /medium · open/);
    assert.match(ours, /Never shorten an expiry without a test\./);
    assert.match(ours, /command:candor\.openNote\?/);
    assert.ok(!(await hoverTexts(doc, 1)).some((t) => t.includes(TITLE)));
  });

  it('puts a CodeLens naming the learning above the linked range', async () => {
    assert.deepStrictEqual((await lensTitles(doc)).filter(([, t]) => t.includes(TITLE)), [[11, `$(lightbulb) Learning: ${TITLE}`]]);
    await vscode.workspace.getConfiguration('candor').update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('no CodeLens', async () => (await lensTitles(doc)).length === 0);
    } finally {
      await vscode.workspace.getConfiguration('candor').update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('follows the lines through unsaved edits above them', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// one\n// two\n// three\n'));
    await waitFor('the hover three lines lower', async () => (await hoverTexts(doc, 16)).some((t) => t.includes(TITLE)));
    assert.ok(!(await hoverTexts(doc, 12)).some((t) => t.includes(TITLE)), 'line 13 is now above the range (15-21)');
    assert.deepStrictEqual((await lensTitles(doc)).filter(([, t]) => t.includes(TITLE)).map(([l]) => l), [14]);
  });

  it('re-anchors: writes the current lines back into the note', async () => {
    const result = await vscode.commands.executeCommand<{ updated: number; unchanged: number; orphaned: number }>('candor.reanchor', noteUri);
    assert.deepStrictEqual(result, { updated: 1, unchanged: 0, orphaned: 0 });
    const { note } = parseNote(fs.readFileSync(noteUri.fsPath, 'utf8'), path.basename(noteUri.fsPath));
    assert.deepStrictEqual(note.files[0].lines, [15, 21]);
    assert.match(note.files[0].anchor!, /^get\(key: string/);
  });

  it('marks a link orphaned when its lines are gone, and never points at other lines', async () => {
    const api = await candor();
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.replace(new vscode.Range(14, 0, 21, 0), ''));
    await waitFor('the hover to disappear', async () => !(await hoverTexts(doc, 15)).some((t) => t.includes(TITLE)));
    const entry = (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === TITLE)!;
    const [fileNode] = await api.learnings.getChildren(entry.node);
    const item = api.learnings.getTreeItem(fileNode);
    assert.strictEqual(item.contextValue, 'candor.file.orphaned');
    assert.match(String(item.tooltip), /^Orphaned: /);
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'debug-disconnect');
  });
});
