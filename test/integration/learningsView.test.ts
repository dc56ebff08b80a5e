import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { candor, incidentsDir, treeSnapshot, waitFor, workspaceRoot } from './helpers';

const HAND_EDITED = [
  '---',
  '# Reviewed on Monday — keep this comment',
  'id: 2025-04-01-dropped-a-migration',
  'title: Dropped a migration',
  'status: open      # until the fix ships',
  'severity: high',
  'reviewers: [grace]',
  'tags: [db, deploy]',
  'occurred: 2025-04-01T08:00:00Z',
  '---',
  '',
  '## Prevention',
  '',
  '- [ ] Add a migration check to CI @grace due:2025-05-01',
  '- [x] Restore the dropped column',
  '',
].join('\n');

function writeNote(name: string, text: string): string {
  fs.mkdirSync(incidentsDir(), { recursive: true });
  const file = path.join(incidentsDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('Learnings view commands', () => {
  let file: string;
  before(async () => {
    const api = await candor();
    file = writeNote('2025-04-01-dropped-a-migration.md', HAND_EDITED);
    await api.notes.refreshFile(vscode.Uri.file(file));
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('candor.groupBy', 'status');
    await vscode.commands.executeCommand('candor.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('groups by tag without a prompt, and refuses an unknown grouping', async () => {
    const api = await candor();
    await vscode.commands.executeCommand('candor.groupBy', 'tag');
    assert.strictEqual(api.learnings.grouping, 'tag');
    const groups = (await treeSnapshot(api)).map((g) => g.group);
    assert.ok(groups.includes('db') && groups.includes('deploy'), groups.join());
    const db = (await treeSnapshot(api)).find((g) => g.group === 'db')!;
    assert.deepStrictEqual(db.notes.map((n) => n.item.label), ['Dropped a migration']);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.groupBy', 'colour')), /takes one of status, severity, tag, file, month, author/);
  });

  it('filters by text, shows it in the view description, and clears', async () => {
    const api = await candor();
    await vscode.commands.executeCommand('candor.filter', 'dropped MIGRATION');
    const titles = (await treeSnapshot(api)).flatMap((g) => g.notes.map((n) => n.item.label));
    assert.deepStrictEqual(titles, ['Dropped a migration']);
    assert.strictEqual(api.view.view.description, 'Filtered: "dropped MIGRATION"');
    await vscode.commands.executeCommand('candor.clearFilter');
    assert.strictEqual(api.view.view.description, undefined);
    assert.ok((await treeSnapshot(api)).flatMap((g) => g.notes).length >= 1);
  });

  it('filters to my notes and to notes whose lines this branch\'s change touches (line-accurate)', async () => {
    const api = await candor();
    await vscode.commands.executeCommand('candor.logMistake', { title: 'Mine, on the cache', files: [{ path: 'src/cache.ts', startLine: 2 }] });
    await vscode.commands.executeCommand('candor.filter', { onlyMine: true });
    let titles = (await treeSnapshot(api)).flatMap((g) => g.notes.map((n) => String(n.item.label)));
    assert.ok(titles.includes('Mine, on the cache'), titles.join());
    assert.ok(!titles.includes('Dropped a migration'), 'a note with no author is not mine');
    assert.strictEqual(api.view.view.description, 'Filtered: mine');

    const cache = path.join(workspaceRoot(), 'src/cache.ts');
    const original = fs.readFileSync(cache, 'utf8');
    const branchTitles = async () => {
      await vscode.commands.executeCommand('candor.filter', { onlyChangedOnBranch: true });
      return (await treeSnapshot(api)).flatMap((g) => g.notes.map((n) => String(n.item.label)));
    };
    titles = await branchTitles();
    assert.ok(!titles.includes('Mine, on the cache'), 'src/cache.ts is unchanged so far');
    try {
      // The file changes, far below line 2: the note's lines are not touched, so it stays hidden.
      fs.writeFileSync(cache, original + '// changed on this branch\n');
      titles = await branchTitles();
      assert.ok(!titles.includes('Mine, on the cache'), `an edit 38 lines below is not the note's lines: ${titles.join()}`);
      assert.strictEqual(api.view.view.description, 'Filtered: changed on this branch');
      // Line 3 changes: within 3 lines of line 2, as candor review counts it.
      const lines = original.split('\n');
      lines[2] = `${lines[2]} // touched`;
      fs.writeFileSync(cache, lines.join('\n'));
      titles = await branchTitles();
      assert.ok(titles.includes('Mine, on the cache'), titles.join());
      assert.ok(!titles.includes('Dropped a migration'));
    } finally {
      fs.writeFileSync(cache, original);
      await vscode.commands.executeCommand('candor.clearFilter');
    }
  });

  it('keeps its index cache in the git dir, signed with a key from the user\'s state folder', async () => {
    const cacheFile = path.join(workspaceRoot(), '.git', 'candor', 'index-cache.json');
    const text = await waitFor('the index cache', () => fs.existsSync(cacheFile) && fs.readFileSync(cacheFile, 'latin1'));
    assert.match(text, /^\{"format":"candor-index-cache","version":\d+/);
    assert.match(text, /\{"mac":"[0-9a-f]{64}"\}\n$/);
    assert.match(fs.readFileSync(path.join(process.env.CANDOR_STATE_DIR!, 'index-cache.key'), 'latin1'), /^[0-9a-f]{64}\n$/);
  });

  it('counts open notes in the view badge', async () => {
    const api = await candor();
    const open = (await api.notes.all()).filter((e) => e.note.note.status === 'open' && e.note.problems.every((p) => p.level !== 'error')).length;
    await waitFor('the badge', () => api.view.view.badge?.value === open);
  });

  it('lists task items as checkboxes and ticks one by changing one character', async () => {
    const api = await candor();
    const entry = (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === 'Dropped a migration')!;
    const tasks = (await api.learnings.getChildren(entry.node)).filter((c) => c.kind === 'task');
    const items = tasks.map((t) => api.learnings.getTreeItem(t));
    assert.deepStrictEqual(items.map((i) => [i.label, i.checkboxState, i.description]), [
      ['Add a migration check to CI @grace due:2025-05-01', vscode.TreeItemCheckboxState.Unchecked, '@grace · overdue since 2025-05-01'],
      ['Restore the dropped column', vscode.TreeItemCheckboxState.Checked, ''],
    ]);
    const task = tasks[0] as Extract<typeof tasks[number], { kind: 'task' }>;
    await api.view.setTaskDone(task, true);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), HAND_EDITED.replace('- [ ] Add a migration', '- [x] Add a migration'));
    await api.view.setTaskDone(task, false);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), HAND_EDITED);
  });

  it('sets the status from a script, changing nothing else in the file', async () => {
    const api = await candor();
    const before = Date.now();
    await vscode.commands.executeCommand('candor.setStatus', vscode.Uri.file(file), 'resolved');
    const text = fs.readFileSync(file, 'utf8');
    const resolved = /\nresolved: (\S+)\n/.exec(text)?.[1];
    assert.ok(resolved && Date.parse(resolved) >= before - 1000, text);
    assert.strictEqual(text, HAND_EDITED.replace('status: open ', 'status: resolved ').replace('occurred: 2025-04-01T08:00:00Z\n', `occurred: 2025-04-01T08:00:00Z\nresolved: ${resolved}\n`));
    await waitFor('the note under Resolved', async () => (await treeSnapshot(api)).find((g) => g.group === 'Resolved')?.notes.some((n) => n.item.label === 'Dropped a migration'));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.setStatus', vscode.Uri.file(file), 'done')), /takes one of open, mitigated, resolved/);
    fs.writeFileSync(file, HAND_EDITED);
  });

  it('changes a note with unsaved edits through its editor, not on disk', async () => {
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), 'Typed but not saved.\n'));
    await vscode.commands.executeCommand('candor.setStatus', vscode.Uri.file(file), 'mitigated');
    assert.match(doc.getText(), /status: mitigated {6}# until the fix ships/);
    assert.match(doc.getText(), /Typed but not saved\.\n$/);
    assert.ok(doc.isDirty, 'left for the person to save');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), HAND_EDITED, 'the file on disk is untouched');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('copies a permalink to the linked lines at the recorded commit', async () => {
    const api = await candor();
    execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:acme/shop.git'], { cwd: workspaceRoot() });
    try {
      await vscode.commands.executeCommand('candor.logMistake', { title: 'Permalink me', files: [{ path: 'src/cache.ts', startLine: 12, endLine: 18 }] });
      const entry = (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === 'Permalink me')!;
      const [fileNode] = await api.learnings.getChildren(entry.node);
      const url = await vscode.commands.executeCommand<string>('candor.copyPermalink', fileNode);
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: workspaceRoot(), encoding: 'utf8' }).trim();
      assert.strictEqual(url, `https://github.com/acme/shop/blob/${head}/src/cache.ts#L12-L18`);
      assert.strictEqual(await vscode.env.clipboard.readText(), url);
    } finally {
      execFileSync('git', ['remote', 'remove', 'origin'], { cwd: workspaceRoot() });
    }
  });
});
