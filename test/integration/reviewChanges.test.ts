// Review Changes in the real extension host: the programmatic call returns the JSON report with no
// UI; from the palette the Learnings view shows "Touched by your changes" above the other groups.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { makeAnchor, sliceLines } from '../../src/core/anchoring/recordedAnchor';
import type { ReviewReport } from '../../src/core/review/reviewChanges';
import { candor, incidentsDir, treeSnapshot, waitFor, workspaceRoot } from './helpers';

const ID = '2026-02-01-reviewed-cache';

describe('Review Changes', () => {
  let source: string;
  let original: string;
  /** The file at HEAD: the note is anchored on it, and the change is made to it (what other tests left on disk may differ). */
  let committed: string;
  let noteFile: string;

  before(async () => {
    const api = await candor();
    source = path.join(workspaceRoot(), 'src', 'cache.ts');
    original = fs.readFileSync(source, 'utf8');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: workspaceRoot(), encoding: 'utf8' }).trim();
    committed = execFileSync('git', ['show', 'HEAD:src/cache.ts'], { cwd: workspaceRoot(), encoding: 'utf8' });
    const anchor = makeAnchor(sliceLines(committed, 1, 2))!;
    noteFile = path.join(incidentsDir(), `${ID}.md`);
    fs.mkdirSync(incidentsDir(), { recursive: true });
    fs.writeFileSync(noteFile, [
      '---', `id: ${ID}`, 'title: Reviewed cache', 'status: open', 'severity: high',
      'files:', '  - path: src/cache.ts', '    lines: [1, 2]', `    commit: ${head}`, `    anchor: ${JSON.stringify(anchor)}`,
      '---', '', '## Learnings', '', 'Read the cache notes first.', '',
    ].join('\n'));
    await api.notes.refreshFile(vscode.Uri.file(noteFile));
    const lines = committed.split('\n');
    lines[0] = `${lines[0]} // edited`;
    fs.writeFileSync(source, lines.join('\n'));
  });

  after(async () => {
    fs.writeFileSync(source, original);
    fs.rmSync(noteFile, { force: true });
    (await candor()).learnings.setTouched(undefined);
  });

  it('returns the --format json object when called with { base }', async () => {
    const report = await vscode.commands.executeCommand<ReviewReport>('candor.reviewChanges', { base: 'HEAD' });
    assert.ok(report && /^[0-9a-f]{40}$/.test(report.base), JSON.stringify(report));
    const touched = report.touched.find((t) => t.id === ID);
    assert.ok(touched, JSON.stringify(report));
    assert.deepStrictEqual({ file: touched.file, lines: touched.lines, changed: touched.changed, note: touched.note, learnings: touched.learnings }, {
      file: 'src/cache.ts', lines: [1, 2], changed: [1, 1], note: `incidents/${ID}.md`, learnings: 'Read the cache notes first.',
    });
  });

  it('a bad base rejects for a script', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.reviewChanges', { base: 'no-such-ref' })), /no-such-ref/);
  });

  it('from the Source Control title bar (a SourceControl argument): the view, not a bare report', async () => {
    const api = await candor();
    api.learnings.setTouched(undefined);
    // VS Code passes the repository's SourceControl: rootUri names the folder; it is not a script's { base }.
    const report = await vscode.commands.executeCommand<ReviewReport>('candor.reviewChanges', { id: 'git', label: 'Git', rootUri: vscode.Uri.file(workspaceRoot()) });
    assert.ok(report?.touched.some((t) => t.id === ID), JSON.stringify(report));
    const groups = await waitFor('the touched group', async () => {
      const snapshot = await treeSnapshot(api);
      return snapshot[0]?.group === 'Touched by your changes' ? snapshot : undefined;
    });
    assert.ok(groups[0].notes.some((n) => n.item.label === 'Reviewed cache'));
  });

  it('from the palette: a "Touched by your changes" group at the top, its note opening beside', async () => {
    const api = await candor();
    // The palette reviews against the branch's base; the workspace has a main branch at HEAD, so its working tree is the change.
    await vscode.commands.executeCommand('candor.reviewChanges');
    const groups = await waitFor('the touched group', async () => {
      const snapshot = await treeSnapshot(api);
      return snapshot[0]?.group === 'Touched by your changes' ? snapshot : undefined;
    });
    const note = groups[0].notes.find((n) => n.item.label === 'Reviewed cache');
    assert.ok(note, JSON.stringify(groups[0].notes.map((n) => n.item.label)));
    const options = note.item.command?.arguments?.[1] as vscode.TextDocumentShowOptions;
    assert.strictEqual(options.viewColumn, vscode.ViewColumn.Beside);
  });

  it('after a review from the UI, saving the file follows the change: the group goes when nothing is touched, and comes back', async () => {
    const api = await candor();
    await vscode.commands.executeCommand('candor.reviewChanges');
    const touchedOnTop = async () => (await treeSnapshot(api))[0]?.group === 'Touched by your changes';
    await waitFor('the touched group', touchedOnTop);
    const doc = await vscode.workspace.openTextDocument(source);
    // A document another test opened may not have caught up with the file written on disk yet.
    await waitFor('the document to match the file on disk', () => doc.getText() === fs.readFileSync(source, 'utf8'), 20_000);
    const setFirstLine = async (text: string) => {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, doc.lineAt(0).range, text);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await doc.save());
    };
    await setFirstLine(committed.split('\n')[0]);
    await waitFor('the group to go once the change no longer touches the note', async () => !(await touchedOnTop()), 20_000);
    await setFirstLine(`${committed.split('\n')[0]} // edited again`);
    await waitFor('the group to come back', touchedOnTop, 20_000);
    // Cleared by someone else: saves stop reviewing until Review Changes runs again.
    api.learnings.setTouched(undefined);
    await setFirstLine(`${committed.split('\n')[0]} // and again`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.ok(!(await touchedOnTop()), 'a cleared group stays cleared');
  });
});
