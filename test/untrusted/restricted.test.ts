// In an untrusted workspace Candor lists and shows notes but starts no git process and writes
// nothing; once the person grants trust (here: the harness clicks Trust in the real UI), every
// feature works without a reload.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { candor, incidentsDir, treeSnapshot, waitFor, workspaceRoot } from '../integration/helpers';

/** Written by the harness before the window opens: a note linked to src/cache.ts lines 12-18. */
const NOTE_FILE = '2025-03-05-expired-entries-early.md';

describe('an untrusted workspace', () => {
  it('opens in Restricted Mode', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('lists notes in the tree and shows hovers, without starting git', async () => {
    const api = await candor();
    const note = await waitFor('the note in the tree', async () =>
      (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === 'Expired entries a second early'));
    const [fileNode] = await api.learnings.getChildren(note.node);
    assert.strictEqual(api.learnings.getTreeItem(fileNode).label, 'cache.ts:12-18');
    const doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'src/cache.ts'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(13, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ');
    assert.match(text, /Expired entries a second early/);
    assert.strictEqual(api.git.processCount, 0, 'no git process in an untrusted workspace');
  });

  it('refuses to write or run git, saying why', async () => {
    const api = await candor();
    const before = fs.readdirSync(incidentsDir()).sort();
    const noteText = fs.readFileSync(path.join(incidentsDir(), NOTE_FILE), 'utf8');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.logMistake', { title: 'Not here' })), /untrusted workspace/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.setStatus', vscode.Uri.file(path.join(incidentsDir(), NOTE_FILE)), 'resolved')), /untrusted workspace/);
    const commit = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'candor-commit', path: '/x.diff', query: new URLSearchParams({ root: workspaceRoot(), sha: 'abcdef1' }).toString() }));
    assert.match(commit.getText(), /does not run git in an untrusted workspace/);
    assert.deepStrictEqual(fs.readdirSync(incidentsDir()).sort(), before, 'no note written');
    assert.strictEqual(fs.readFileSync(path.join(incidentsDir(), NOTE_FILE), 'utf8'), noteText, 'the note is unchanged');
    assert.ok(!fs.existsSync(path.join(workspaceRoot(), '.git', 'candor')), 'no index cache written');
    const stateDir = process.env.CANDOR_STATE_DIR;
    assert.ok(stateDir, 'the harness gives the extension host a state folder of its own');
    assert.ok(!fs.existsSync(path.join(stateDir, 'index-cache.key')), 'no signing key made');
    assert.strictEqual(api.git.processCount, 0);
  });

  it('enables everything once trust is granted, without a reload', async () => {
    const api = await candor();
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    // The harness watches for this line and clicks "Trust" in the workbench, as a person would.
    console.log('CANDOR_ACTION grant-trust');
    await Promise.race([granted, new Promise((_, reject) => setTimeout(() => reject(new Error('trust was not granted within 60 s')), 60_000))]);
    assert.strictEqual(vscode.workspace.isTrusted, true);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', { title: 'Logged after trust', files: [{ path: 'src/cache.ts', startLine: 13 }] });
    assert.ok(fs.existsSync(uri.fsPath));
    assert.ok(api.git.processCount > 0, 'git runs now');
  });
});
