import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseNote } from '../../src/core/noteFormat/noteParser';
import type { LearningsNode } from '../../src/features/learnings/learningsNodes';
import { candor, treeSnapshot, waitFor, workspaceRoot } from './helpers';

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceRoot(), encoding: 'utf8' }).trim();
}

async function childrenOf(title: string): Promise<{ node: LearningsNode; item: vscode.TreeItem }[]> {
  const api = await candor();
  const entry = (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === title);
  assert.ok(entry, `${title} is in the tree`);
  return (await api.learnings.getChildren(entry.node)).map((node) => ({ node, item: api.learnings.getTreeItem(node) }));
}

describe('follow-ups, fix commits and insights', () => {
  const TITLE = 'Deployed without the migration';
  let noteUri: vscode.Uri;
  let id: string;

  before(async () => {
    noteUri = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', { title: TITLE, severity: 'high', files: [{ path: 'src/cache.ts', startLine: 13 }] });
    id = path.basename(noteUri.fsPath, '.md');
  });

  it('adds follow-ups under Prevention and Recovery, changing nothing else, and flags overdue ones', async () => {
    const api = await candor();
    const before = fs.readFileSync(noteUri.fsPath, 'utf8');
    await vscode.commands.executeCommand('candor.addFollowUp', noteUri, { text: 'Add a migration check to CI', owner: 'grace', due: '2020-01-01' });
    await vscode.commands.executeCommand('candor.addFollowUp', noteUri, { text: 'Re-run the migration', section: 'Recovery' });
    const after = fs.readFileSync(noteUri.fsPath, 'utf8');
    assert.strictEqual(after, before
      .replace('## Recovery\n\n\n\n', '## Recovery\n\n- [ ] Re-run the migration\n\n')
      .replace('## Prevention\n\n\n\n', '## Prevention\n\n- [ ] Add a migration check to CI @grace due:2020-01-01\n\n'));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.addFollowUp', noteUri, { text: 'x', due: 'soon' })), /YYYY-MM-DD/);
    const tasks = (await childrenOf(TITLE)).filter((c) => c.node.kind === 'task');
    const overdue = tasks.find((t) => String(t.item.label).startsWith('Add a migration check'))!;
    assert.strictEqual(overdue.item.contextValue, 'candor.task.overdue');
    assert.match(String(overdue.item.description), /@grace · overdue since 2020-01-01/);
    assert.ok((await api.overdue.update()) >= 1);
  });

  it('finds a fix commit that names the note in a trailer, and links it permanently', async () => {
    fs.appendFileSync(path.join(workspaceRoot(), 'src/cache.ts'), '// fixed\n');
    git('add', 'src/cache.ts');
    git('-c', 'user.name=Test User', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', `Run migrations before deploy\n\nIncident: ${id}`);
    const fix = git('rev-parse', 'HEAD');
    const found = await waitFor('the trailer commit under the note', async () =>
      (await childrenOf(TITLE)).find((c) => c.node.kind === 'commit' && c.item.contextValue === 'candor.commit.fixed.trailer'));
    assert.strictEqual(found.item.label, 'Run migrations before deploy');

    await vscode.commands.executeCommand('candor.linkCommit', found.node);
    const { note } = parseNote(fs.readFileSync(noteUri.fsPath, 'utf8'), path.basename(noteUri.fsPath));
    assert.deepStrictEqual(note.commits.find((c) => c.role === 'fixed'), { sha: fix, role: 'fixed', subject: 'Run migrations before deploy' });
    const commits = (await childrenOf(TITLE)).filter((c) => c.node.kind === 'commit');
    assert.ok(!commits.some((c) => c.item.contextValue === 'candor.commit.fixed.trailer'), 'once recorded, no longer shown as found');
  });

  it('links a commit from a script and rejects unknown ones', async () => {
    const first = git('rev-list', '--max-parents=0', 'HEAD');
    await vscode.commands.executeCommand('candor.linkCommit', noteUri, first.slice(0, 8), 'related');
    const { note } = parseNote(fs.readFileSync(noteUri.fsPath, 'utf8'), path.basename(noteUri.fsPath));
    assert.ok(note.commits.some((c) => c.sha === first && c.role === 'related'));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.linkCommit', noteUri, 'deadbeefdeadbeef', 'fixed')), /not in this repository/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.linkCommit', noteUri, first, 'caused')), /role must be one of/);
  });

  it('names the note in the Source Control commit message box', async () => {
    const value = await vscode.commands.executeCommand<string | undefined>('candor.insertTrailer', noteUri);
    assert.ok(value?.endsWith(`Incident: ${id}`), String(value));
    const again = await vscode.commands.executeCommand<string | undefined>('candor.insertTrailer', noteUri);
    assert.strictEqual(again, value, 'not added twice');
  });

  it('returns the insights figures as an object with no UI, and shows the report', async () => {
    // Blame records the fixture's commits as the lines' history; the person confirms which one was
    // theirs, and time to log is measured from it.
    const tune = git('log', '--format=%H', '--grep=Tune cache TTL');
    await vscode.commands.executeCommand('candor.linkCommit', noteUri, tune, 'introduced');
    const figures = await vscode.commands.executeCommand<Record<string, unknown>>('candor.showInsights', { format: 'json' });
    for (const key of ['total', 'byStatus', 'bySeverity', 'hotspots', 'followUps', 'medianHoursToLog']) {
      assert.ok(key in figures, key);
    }
    assert.ok((figures.total as number) >= 1);
    assert.ok((figures.hotspots as { path: string; count: number }[]).some((h) => h.path === 'src/cache.ts'));
    assert.ok((figures.followUps as { overdue: number }).overdue >= 1);
    assert.strictEqual(typeof figures.medianHoursToLog, 'number', 'the fixture commits date from 2025, so there is a figure');
    await vscode.commands.executeCommand('candor.showInsights');
    await waitFor('the insights tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label.startsWith('Insights:')));
  });
});
