// Responses in the real extension host, as the note's author sees them: a teammate's response
// arriving on disk (a git pull) is picked up by the watcher and is new (the note's badge, "1 new"
// in the tree, the view's badge, one message a day); the author's own are never new; Show reveals
// the note and marks them seen; the hover on a linked line lists them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CandorApi } from '../../src/extension';
import { candor, treeSnapshot, waitFor, workspaceRoot } from './helpers';

const TITLE = 'Cleared the wrong cache key';
/** File events reach the extension host late on a loaded machine. */
const WATCHER_MS = 30_000;

function responseText(id: string, author: string, date: string, text: string): string {
  return `---\nnote: ${id}\nkind: thanks\nauthor: ${author}\ndate: ${date}\n---\n\n${text}\n`;
}

describe('responses to your notes: new ones, the watcher, the hover', () => {
  let api: CandorApi;
  let noteUri: vscode.Uri;
  let id: string;
  let dir: string;

  const noteRow = async () => (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === TITLE);

  before(async () => {
    api = await candor();
    noteUri = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', {
      title: TITLE,
      severity: 'medium',
      files: [{ path: 'src/cache.ts', startLine: 28, endLine: 30 }],
    });
    id = path.basename(noteUri.fsPath, '.md');
    dir = path.join(path.dirname(noteUri.fsPath), id, 'responses');
    assert.match(fs.readFileSync(noteUri.fsPath, 'utf8'), /^author: Test User <test@example\.com>$/m, 'the note is the git user\'s');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(path.dirname(noteUri.fsPath), id), { recursive: true, force: true });
    fs.rmSync(noteUri.fsPath, { force: true });
    await waitFor('no news left', () => api.responseNews.total === 0);
  });

  it('a teammate\'s response arriving on disk is new to the author: the note\'s badge, "1 new", the view\'s badge, one message', async () => {
    fs.mkdirSync(dir, { recursive: true });
    // Written by hand, as a git pull would: only the watcher (or its catch-up once it starts) tells the extension.
    fs.writeFileSync(path.join(dir, '2026-12-01T090000Z-grace-hopper.md'), responseText(id, 'Grace Hopper <grace@example.com>', '2026-12-01T09:00:00Z', 'Thank you for telling us. What do you need from me?'));
    await waitFor('the response to be new', () => api.responseNews.countFor(noteUri.fsPath) === 1, WATCHER_MS);
    const decoration = api.responseNews.provideFileDecoration(noteUri);
    assert.deepStrictEqual([decoration?.badge, decoration?.tooltip], ['1', '1 new response']);
    assert.match(String((await noteRow())?.item.description), /· 1 response · 1 new$/);
    await waitFor('the view badge', () => api.view.view.badge?.value === 1 && api.view.view.badge.tooltip.startsWith('1 new response to your notes'));
    await waitFor('the message', () => api.responseAlerts.notices.length === 1);
    assert.deepStrictEqual(api.responseAlerts.notices, ['1 new response to your notes']);

    // Later arrivals: code-server's file events reach the extension host late or not at all on
    // this loaded machine, so they are handed on as the watcher (and window focus) would.
    fs.writeFileSync(path.join(dir, '2026-12-01T100000Z-alan-turing.md'), responseText(id, 'Alan Turing <alan@example.com>', '2026-12-01T10:00:00Z', 'I can pair on a guard for the key.'));
    api.responseAlerts.changed();
    await waitFor('two new', () => api.responseNews.countFor(noteUri.fsPath) === 2, WATCHER_MS);
    await waitFor('the view badge at 2', () => api.view.view.badge?.value === 2);
    assert.strictEqual(api.responseNews.provideFileDecoration(noteUri)?.badge, '2');
    assert.strictEqual(api.responseAlerts.notices.length, 1, 'once a day at most');
  });

  it('the author\'s own response is never new to them', async () => {
    const own = await vscode.commands.executeCommand<vscode.Uri>('candor.respond', noteUri, { kind: 'learning', text: 'Keys are namespaced now.' });
    assert.ok(fs.existsSync(own.fsPath));
    await waitFor('the tree to count three', async () => /· 3 responses · 2 new$/.test(String((await noteRow())?.item.description)));
    assert.strictEqual(api.responseNews.countFor(noteUri.fsPath), 2);
  });

  it('Show reveals the note expanded and marks its responses seen; the badge counts open notes again; seen is remembered', async () => {
    await api.responseAlerts.reveal();
    await waitFor('seen', () => api.responseNews.countFor(noteUri.fsPath) === 0, WATCHER_MS);
    assert.strictEqual(api.responseNews.provideFileDecoration(noteUri), undefined);
    await waitFor('the open-notes badge', () => /open note/.test(api.view.view.badge?.tooltip ?? ''));
    assert.match(String((await noteRow())?.item.description), /· 3 responses$/);
    // A later response is new again; the seen ones stay seen.
    fs.writeFileSync(path.join(dir, '2026-11-30T080000Z-katherine-johnson.md'), responseText(id, 'Katherine Johnson <kj@example.com>', '2026-11-30T08:00:00Z', 'What I take from this: name keys by owner.'));
    api.responseAlerts.changed();
    await waitFor('one new (dated before the others, but not seen)', () => api.responseNews.countFor(noteUri.fsPath) === 1, WATCHER_MS);
    fs.rmSync(path.join(dir, '2026-11-30T080000Z-katherine-johnson.md'));
    api.responseAlerts.changed();
    await waitFor('none new after the file is deleted', () => api.responseNews.countFor(noteUri.fsPath) === 0, WATCHER_MS);
  });

  it('the hover on a linked line lists the responses: kind, author, first line, latest first', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'src/cache.ts'));
    await vscode.window.showTextDocument(doc);
    const text = await waitFor('the hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(28, 2));
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '').replace(/&nbsp;/g, ' ')));
      return all.find((t) => t.includes(TITLE));
    });
    assert.match(text, /\*\*3 responses\*\*/);
    const lines = text.split('\n').filter((l) => l.startsWith('- $('));
    assert.deepStrictEqual(lines.map((l) => l.replace(/\\/g, '')), [
      '- $(lightbulb) Learning · Test User: Keys are namespaced now.',
      '- $(heart) Thanks · Alan Turing: I can pair on a guard for the key.',
      '- $(heart) Thanks · Grace Hopper: Thank you for telling us. What do you need from me?',
    ]);
  });
});
