// The learning-review digest and Mark as Reviewed in the real extension host: the JSON and
// Markdown forms from a script (no UI), the preview from the palette, bad arguments rejected with
// a message, and `reviewed:` written by each entry point changing only that line of the note.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { candor, incidentsDir, treeSnapshot, waitFor } from './helpers';
import type { LearningsNode } from '../../src/features/learnings/learningsNodes';

const SINCE = '2026-06-01T00:00:00Z';
const UNTIL = '2026-06-10T00:00:00Z';

function noteText(id: string, logged: string): string {
  return [
    '---', `id: ${id}`, `title: Digest ${id}`, 'status: open', 'severity: high', `logged: ${logged}`, 'tags: [digest]  # a comment', '---', '',
    '## What I was trying to do', '', 'Rotate a key.', '', '## Learnings', '', 'Rotate with a script.', '',
  ].join('\n');
}

describe('learning review digest (candor.showDigest, candor.markReviewed)', () => {
  const ids = ['2026-06-03-digest-inside', '2026-06-05-digest-second', '2026-05-01-digest-before'];
  const uris = ids.map((id) => vscode.Uri.file(path.join(incidentsDir(), `${id}.md`)));
  const texts = [noteText(ids[0], '2026-06-03T10:00:00Z'), noteText(ids[1], '2026-06-05T10:00:00Z'), noteText(ids[2], '2026-05-01T10:00:00Z')];

  before(async () => {
    const api = await candor();
    fs.mkdirSync(incidentsDir(), { recursive: true });
    uris.forEach((uri, i) => fs.writeFileSync(uri.fsPath, texts[i]));
    await waitFor('the notes in the index', async () => (await Promise.all(uris.map((u) => api.notes.find(u)))).every(Boolean));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    uris.forEach((uri) => fs.rmSync(uri.fsPath, { force: true }));
  });

  it('returns the digest as JSON from a script, with no UI', async () => {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).length;
    const json = await vscode.commands.executeCommand<Record<string, unknown>>('candor.showDigest', { since: SINCE, until: UNTIL, format: 'json' });
    assert.deepStrictEqual(Object.keys(json), ['since', 'until', 'notes', 'followUps', 'resolved', 'recurringTags', 'anniversaries']);
    assert.deepStrictEqual([json.since, json.until], [SINCE, UNTIL]);
    const notes = json.notes as { id: string; learnings: string | null }[];
    assert.deepStrictEqual(notes.map((n) => n.id), [ids[0], ids[1]]);
    assert.strictEqual(notes[0].learnings, 'Rotate with a script.');
    assert.deepStrictEqual(json.recurringTags, [{ tag: 'digest', count: 3 }]);
    const markdown = await vscode.commands.executeCommand<string>('candor.showDigest', { since: SINCE, until: UNTIL, format: 'markdown' });
    assert.match(markdown, /\*\*What action did I take\?\*\*/);
    assert.strictEqual(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, tabs, 'no editor or preview opened');
  });

  it('rejects bad arguments with a message', async () => {
    const bad: [unknown, RegExp][] = [
      [{ since: 'yesterday', format: 'json' }, /since "yesterday" is not a date/],
      [{ since: '2026-06-10', until: '2026-06-01', format: 'json' }, /since \(2026-06-10\) is after 2026-06-01/],
      [{ format: 'html' }, /format is "json" or "markdown", not "html"/],
      [{ sinse: '2026-06-01', format: 'json' }, /does not know the option "sinse"/],
      ['2026-06-01', /takes \{ since\?/],
      [{ folder: 'no-such-folder', format: 'json' }, /No workspace folder matches "no-such-folder"/],
    ];
    for (const [args, message] of bad) {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.showDigest', args)), message);
    }
  });

  it('opens the digest as a Markdown preview from the palette and the view title bar', async () => {
    const api = await candor();
    const node = (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === `Digest ${ids[0]}`)?.node;
    for (const args of [[], [node, [node]]]) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const uri = await vscode.commands.executeCommand<vscode.Uri>('candor.showDigest', ...args);
      assert.ok(uri instanceof vscode.Uri && uri.scheme === 'candor-digest', String(uri));
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.match(doc.getText(), /^# Learning review: /);
      assert.match(doc.getText(), /## The three questions/);
      await waitFor('the Markdown preview', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)));
    }
  });

  it('marks one note, a list of notes, a tree item, and every note of a digest as reviewed, changing only that line', async () => {
    const api = await candor();
    const [one] = await vscode.commands.executeCommand<vscode.Uri[]>('candor.markReviewed', uris[0]);
    assert.strictEqual(one.fsPath, uris[0].fsPath);
    const after = fs.readFileSync(uris[0].fsPath, 'utf8');
    const added = after.split('\n').filter((l) => !texts[0].split('\n').includes(l));
    assert.strictEqual(added.length, 1);
    assert.match(added[0], /^reviewed: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.strictEqual(after.replace(`${added[0]}\n`, ''), texts[0], 'every other byte is kept');

    const both = await vscode.commands.executeCommand<vscode.Uri[]>('candor.markReviewed', [uris[1], uris[2]]);
    assert.deepStrictEqual(both.map((u) => u.fsPath), [uris[1].fsPath, uris[2].fsPath]);
    await waitFor('the index sees the reviews', async () => (await api.notes.find(uris[2]))?.note.note.reviewed);

    const node = await waitFor('the tree item', async () => (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === `Digest ${ids[1]}`)?.node as LearningsNode | undefined);
    fs.writeFileSync(uris[1].fsPath, texts[1]);
    await waitFor('the index re-reads it', async () => !(await api.notes.find(uris[1]))?.note.note.reviewed);
    const fromTree = await vscode.commands.executeCommand<vscode.Uri[]>('candor.markReviewed', node, [node]);
    assert.deepStrictEqual(fromTree.map((u) => u.fsPath), [uris[1].fsPath]);
    // The tree allows several notes selected: the context menu passes them all, and all are marked.
    const other = await waitFor('a second tree item', async () => (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === `Digest ${ids[0]}`)?.node as LearningsNode | undefined);
    fs.writeFileSync(uris[0].fsPath, texts[0]);
    fs.writeFileSync(uris[1].fsPath, texts[1]);
    await waitFor('the index re-reads them', async () => (await Promise.all([uris[0], uris[1]].map((u) => api.notes.find(u)))).every((e) => e && !e.note.note.reviewed));
    const selected = await vscode.commands.executeCommand<vscode.Uri[]>('candor.markReviewed', node, [other, node]);
    assert.deepStrictEqual(selected.map((u) => u.fsPath).sort(), [uris[0].fsPath, uris[1].fsPath].sort());

    // A digest's document: every note it names, at the digest's end, so the next one starts there.
    uris.forEach((uri, i) => fs.writeFileSync(uri.fsPath, texts[i]));
    await waitFor('the reviews are gone', async () => (await Promise.all(uris.map((u) => api.notes.find(u)))).every((e) => e && !e.note.note.reviewed));
    const digestUri = await vscode.commands.executeCommand<vscode.Uri>('candor.showDigest', { since: SINCE, until: UNTIL });
    const marked = await vscode.commands.executeCommand<vscode.Uri[]>('candor.markReviewed', digestUri);
    assert.deepStrictEqual(marked.map((u) => path.basename(u.fsPath)).sort(), [`${ids[0]}.md`, `${ids[1]}.md`]);
    assert.match(fs.readFileSync(uris[0].fsPath, 'utf8'), /\nreviewed: 2026-06-10T00:00:00Z\n/);
    assert.strictEqual(fs.readFileSync(uris[2].fsPath, 'utf8'), texts[2], 'a note outside the digest is left alone');
    await waitFor('the index sees the review', async () => (await api.notes.find(uris[0]))?.note.note.reviewed === '2026-06-10T00:00:00Z');
    const next = await vscode.commands.executeCommand<{ since: string }>('candor.showDigest', { until: '2026-06-20T00:00:00Z', format: 'json' });
    assert.strictEqual(next.since, UNTIL, 'the next digest starts where the reviewed one ended');
  });

  it('marks the note in the active editor from the palette and the editor title bar', async () => {
    fs.writeFileSync(uris[2].fsPath, texts[2]);
    const editor = await vscode.window.showTextDocument(uris[2]);
    const fromTitle = await vscode.commands.executeCommand<vscode.Uri[]>('candor.markReviewed', uris[2], { groupId: editor.viewColumn });
    assert.deepStrictEqual(fromTitle.map((u) => u.fsPath), [uris[2].fsPath]);
    await waitFor('the editor shows the review', () => /\nreviewed: /.test(editor.document.getText()));
    const fromPalette = await vscode.commands.executeCommand<vscode.Uri[]>('candor.markReviewed');
    assert.deepStrictEqual(fromPalette.map((u) => u.fsPath), [uris[2].fsPath]);
    assert.strictEqual((editor.document.getText().match(/\nreviewed: /g) ?? []).length, 1, 'one reviewed line, replaced');
  });

  it('rejects bad arguments from a script and writes nothing', async () => {
    const before = uris.map((u) => fs.readFileSync(u.fsPath, 'utf8'));
    const bad: [unknown, RegExp][] = [
      ['2026-06-03-digest-inside', /takes a note's Uri or a list of them/],
      [[], /takes a note's Uri or a list of them/],
      [[uris[0], 'x'], /takes a note's Uri or a list of them/],
      [[uris[0], vscode.Uri.file(path.join(incidentsDir(), 'no-such-note.md'))], /is not a note/],
      [vscode.Uri.from({ scheme: 'candor-digest', path: '/gone.md' }), /no longer available/],
    ];
    for (const [args, message] of bad) {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.markReviewed', args)), message);
    }
    assert.deepStrictEqual(uris.map((u) => fs.readFileSync(u.fsPath, 'utf8')), before);
  });
});
