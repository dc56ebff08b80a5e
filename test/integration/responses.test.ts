// candor.respond in the real extension host: the programmatic form writes one file and returns
// its Uri, a tree node works as the target, and bad arguments reject without writing anything.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseResponse } from '../../src/core/responses/responseFormat';
import { candor, treeSnapshot } from './helpers';

describe('responses (candor.respond)', () => {
  const TITLE = 'Dropped the session table';
  let noteUri: vscode.Uri;
  let id: string;
  let responsesDir: string;

  before(async () => {
    noteUri = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', { title: TITLE, severity: 'high' });
    id = path.basename(noteUri.fsPath, '.md');
    responsesDir = path.join(path.dirname(noteUri.fsPath), id, 'responses');
  });

  it('writes a response file from a script and returns its Uri, with no UI', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('candor.respond', noteUri, { kind: 'thanks', text: 'Thank you for telling us. What do you need from me?' });
    assert.ok(uri instanceof vscode.Uri);
    assert.strictEqual(path.dirname(uri.fsPath), responsesDir);
    assert.match(path.basename(uri.fsPath), /^\d{4}-\d{2}-\d{2}T\d{6}Z-[a-z0-9-]+\.md$/);
    const parsed = parseResponse(fs.readFileSync(uri.fsPath, 'utf8'), id);
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.response.kind, 'thanks');
    assert.strictEqual(parsed.response.text, 'Thank you for telling us. What do you need from me?');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath === uri.fsPath, false, 'no editor opened');
  });

  it('takes the note\'s tree item as its target, and the note stays one note in the tree', async () => {
    const api = await candor();
    const node = (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === TITLE);
    assert.ok(node, 'the note is in the tree');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('candor.respond', node.node, { kind: 'help', text: 'I can restore it from last night\'s backup.' });
    assert.strictEqual(path.dirname(uri.fsPath), responsesDir);
    const titles = (await treeSnapshot(api)).flatMap((g) => g.notes).map((n) => String(n.item.label));
    assert.strictEqual(titles.filter((t) => t === TITLE).length, 1, 'responses are not read as notes');
    const again = (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === TITLE)!;
    assert.match(String(again.item.description), /· 2 responses$/);
    const children = (await api.learnings.getChildren(again.node)).filter((c) => c.kind === 'response').map((c) => api.learnings.getTreeItem(c));
    assert.deepStrictEqual(children.map((c) => [c.label, c.contextValue]), [
      ['Thank you for telling us. What do you need from me?', 'candor.response'],
      ['I can restore it from last night\'s backup.', 'candor.response'],
    ]);
    assert.match(String(children[1].description), /^Offer help · /);
  });

  it('rejects bad arguments with a message and writes nothing', async () => {
    const before = fs.readdirSync(responsesDir).sort();
    const bad: [unknown, unknown, RegExp][] = [
      [noteUri, { kind: 'praise', text: 'x' }, /one of thanks, help, question, learning/],
      [noteUri, { kind: 'help', text: '   ' }, /needs some text/],
      [noteUri, { kind: 'help' }, /needs some text/],
      [vscode.Uri.file(path.join(path.dirname(noteUri.fsPath), 'no-such-note.md')), { kind: 'help', text: 'x' }, /not a note/],
      [undefined, { kind: 'help', text: 'x' }, /needs the note's Uri/],
    ];
    for (const [target, args, message] of bad) {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.respond', target, args)), message);
    }
    assert.deepStrictEqual(fs.readdirSync(responsesDir).sort(), before);
  });
});
