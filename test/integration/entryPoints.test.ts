// Every command with the arguments each of its entry points passes: a view title bar (nothing, or
// the focused tree item and the selection), a view item's context menu (the item and the
// selection), editor title and context menus (a Uri and the editor group), the explorer (a Uri and
// the selected Uris), a keybinding or the palette (nothing), and a script (the documented values).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { isWorkspaceSource, linkTarget } from '../../src/features/logMistake/logMistakeCommand';
import { insightsHtml } from '../../src/features/insights/insightsHtml';
import { candor, incidentsDir, treeSnapshot, waitFor, workspaceRoot } from './helpers';
import type { LearningsNode } from '../../src/features/learnings/learningsNodes';

type NoteNode = Extract<LearningsNode, { kind: 'note' }>;

/** Runs a command that prompts, waits for the prompt, accepts its active item `accepts` times. */
async function runAccepting<T>(accepts: number, command: string, ...args: unknown[]): Promise<T> {
  const pending = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
  for (let i = 0; i < accepts; i++) {
    await new Promise((r) => setTimeout(r, 700));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return pending;
}

/** Runs a command that prompts, and closes the prompt (Escape). */
async function runClosing<T>(command: string, ...args: unknown[]): Promise<T> {
  const pending = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
  await new Promise((r) => setTimeout(r, 700));
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return pending;
}

describe('command entry points', () => {
  let noteUri: vscode.Uri;
  let node: NoteNode;

  before(async () => {
    const api = await candor();
    noteUri = await vscode.commands.executeCommand<vscode.Uri>('candor.logMistake', {
      title: 'Entry point note', severity: 'low', files: [{ path: 'src/cache.ts', startLine: 12, endLine: 18 }],
    });
    node = await waitFor('the note in the tree', async () =>
      (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === 'Entry point note')?.node as NoteNode | undefined);
  });
  after(async () => {
    await vscode.commands.executeCommand('candor.groupBy', 'status');
    await vscode.commands.executeCommand('candor.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(noteUri.fsPath, { force: true });
  });

  it('Group By from the title bar asks, with nothing selected and with a note selected; a script value needs no prompt', async () => {
    const api = await candor();
    for (const args of [[], [node, [node]]]) {
      await vscode.commands.executeCommand('candor.groupBy', 'tag');
      await runAccepting(1, 'candor.groupBy', ...args); // the first choice is Status
      assert.strictEqual(api.learnings.grouping, 'status', `title bar with ${args.length} arguments`);
    }
    await vscode.commands.executeCommand('candor.groupBy', 'severity');
    assert.strictEqual(api.learnings.grouping, 'severity');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.groupBy', 'colour')), /not "colour"/);
  });

  it('Filter from the title bar asks (keeping the current filter), with nothing selected and with a note selected', async () => {
    const api = await candor();
    for (const args of [[], [node, [node]]]) {
      await vscode.commands.executeCommand('candor.filter', 'entry point');
      await runAccepting(2, 'candor.filter', ...args); // the words, then the toggles
      assert.strictEqual(api.view.view.description, 'Filtered: "entry point"', `title bar with ${args.length} arguments`);
      assert.match(api.view.view.message ?? '', /Filtered: "entry point"/, 'the message shows the filter too');
    }
    await vscode.commands.executeCommand('candor.clearFilter', node, [node]);
    assert.strictEqual(api.view.view.description, undefined);
    assert.strictEqual(api.view.view.message, undefined);
    await vscode.commands.executeCommand('candor.filter', { text: 'entry' });
    assert.strictEqual(api.view.view.description, 'Filtered: "entry"');
    await vscode.commands.executeCommand('candor.clearFilter');
  });

  it('Refresh and Show Insights from the title bar ignore the selected note', async () => {
    await vscode.commands.executeCommand('candor.refresh', node, [node]);
    const shown = await vscode.commands.executeCommand<{ total: number }>('candor.showInsights', node, [node]);
    assert.ok(shown && shown.total >= 1, 'the report opened with the figures');
    const json = await vscode.commands.executeCommand<{ total: number }>('candor.showInsights', { format: 'json' });
    assert.strictEqual(json.total, shown.total);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Set Status from the context menu asks for the status (the selection is no status)', async () => {
    const api = await candor();
    await vscode.commands.executeCommand('candor.groupBy', 'status');
    await vscode.commands.executeCommand('candor.setStatus', noteUri, 'mitigated');
    // The item as the tree shows it now (an older one would be told the file changed meanwhile).
    const mitigated = await waitFor('the note under Mitigated', async () =>
      (await treeSnapshot(api)).find((g) => g.group === 'Mitigated')?.notes.find((n) => n.item.label === 'Entry point note')?.node);
    await runAccepting(1, 'candor.setStatus', mitigated, [mitigated]); // the first choice is open
    assert.match(fs.readFileSync(noteUri.fsPath, 'utf8'), /^status: open$/m);
  });

  it('Add Follow-up from the context menu asks instead of reading the selection as a follow-up', async () => {
    const before = fs.readFileSync(noteUri.fsPath, 'utf8');
    await assert.doesNotReject(runClosing('candor.addFollowUp', node, [node]));
    assert.strictEqual(fs.readFileSync(noteUri.fsPath, 'utf8'), before, 'Escape writes nothing');
  });

  it('Link Commit from the context menu picks a commit and a role', async () => {
    await runAccepting(2, 'candor.linkCommit', node, [node]);
    await waitFor('the commit appended', () => /role: introduced\n[\s\S]*role: introduced|commits:[\s\S]*- sha: [0-9a-f]{40}\n\s+role: introduced/.test(fs.readFileSync(noteUri.fsPath, 'utf8')));
  });

  it('Open Note, Open Linked File, Show Commit, Copy Permalink and Re-anchor take the item and its selection', async () => {
    const api = await candor();
    await vscode.commands.executeCommand('candor.openNote', node, [node]);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, noteUri.fsPath);
    const children = await api.learnings.getChildren(node);
    const file = children.find((c) => c.kind === 'file')!;
    await vscode.commands.executeCommand('candor.openLinkedFile', file, [file]);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(path.basename(editor.document.uri.fsPath), 'cache.ts');
    assert.deepStrictEqual([editor.selection.start.line, editor.selection.end.line], [11, 17]);
    const commit = children.find((c) => c.kind === 'commit')!;
    await vscode.commands.executeCommand('candor.showCommit', commit, [commit]);
    await waitFor('the commit document', () => vscode.window.activeTextEditor?.document.uri.scheme === 'candor-commit');
    assert.strictEqual(await vscode.commands.executeCommand('candor.copyPermalink', file, [file]), undefined, 'no origin: no link, no error');
    const result = await vscode.commands.executeCommand<{ updated: number }>('candor.reanchor', node, [node]);
    assert.ok(result, 'the context menu re-anchors');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Draft Disclosure from the context menu, the editor title (Uri and group) and a script', async () => {
    const fromMenu = await vscode.commands.executeCommand<{ subject: string }>('candor.draftDisclosure', node, [node]);
    assert.match(fromMenu.subject, /Entry point note/);
    await waitFor('the preview', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'candor-disclosure'));
    const preview = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'candor-disclosure')!.document.uri;
    const fromTitle = await vscode.commands.executeCommand<{ subject: string }>('candor.draftDisclosure', noteUri, { groupId: 1, editorIndex: 0 });
    assert.strictEqual(fromTitle.subject, fromMenu.subject);
    const copied = await vscode.commands.executeCommand<string>('candor.copyDisclosure', preview, { groupId: 2, editorIndex: 0 });
    assert.match(copied, /Entry point note/);
    const fromScript = await vscode.commands.executeCommand<{ body: string }>('candor.draftDisclosure', noteUri, { format: 'text', open: false });
    assert.doesNotMatch(fromScript.body, /^#/m, 'text format: no Markdown headings');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Name Note in Commit Message from the Source Control title bar (the SourceControl) uses the open note, and other Markdown is no error', async () => {
    await vscode.commands.executeCommand('candor.openNote', noteUri);
    const value = await vscode.commands.executeCommand<string | undefined>('candor.insertTrailer', { rootUri: vscode.Uri.file(workspaceRoot()) });
    if (value !== undefined) {
      assert.match(value, new RegExp(`Incident: ${path.basename(noteUri.fsPath, '.md')}`));
    }
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(workspaceRoot(), 'README.md')));
    await assert.doesNotReject(runClosing('candor.insertTrailer', { rootUri: vscode.Uri.file(workspaceRoot()) }));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Log Mistake from the palette, the keybinding and the title bar (a selected note) writes nothing on Escape at the title', async () => {
    const before = fs.readdirSync(incidentsDir()).length;
    for (const args of [[], [node, [node]]]) {
      assert.strictEqual(await runClosing('candor.logMistake', ...args), undefined);
    }
    assert.strictEqual(fs.readdirSync(incidentsDir()).length, before);
  });

  it('links only source files of the workspace: not a note, an untitled document or another scheme', async () => {
    assert.strictEqual(isWorkspaceSource(vscode.Uri.file(path.join(workspaceRoot(), 'src', 'cache.ts'))), true);
    assert.strictEqual(isWorkspaceSource(noteUri), false, 'a note');
    assert.strictEqual(isWorkspaceSource(vscode.Uri.parse('untitled:Untitled-1')), false);
    assert.strictEqual(isWorkspaceSource(vscode.Uri.parse('output:extension-output-candor')), false);
    assert.strictEqual(isWorkspaceSource(vscode.Uri.file('/etc/hosts')), false, 'outside the workspace');
  });

  it('links the explorer\'s selection, and the active editor only when it is a source file (not the note)', async () => {
    const a = vscode.Uri.file(path.join(workspaceRoot(), 'src', 'cache.ts'));
    const b = vscode.Uri.file(path.join(workspaceRoot(), 'README.md'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.deepStrictEqual(linkTarget([a, b]).files.map((f) => f.absPath), [a.fsPath, b.fsPath], 'explorer: both selected files');
    assert.deepStrictEqual(linkTarget([a, noteUri]).files.map((f) => f.absPath), [a.fsPath], 'a note is never linked');
    await vscode.commands.executeCommand('candor.openNote', noteUri);
    assert.deepStrictEqual(linkTarget([]).files, [], 'title bar "+" with the note active: nothing linked');
    const editor = await vscode.window.showTextDocument(a);
    editor.selection = new vscode.Selection(11, 0, 17, 3);
    assert.deepStrictEqual(linkTarget([]).files.map((f) => [f.absPath, f.startLine, f.endLine]), [[a.fsPath, 12, 18]], 'a source editor: its selection');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('colours the insights bars through classes the strict CSP allows (no inline style)', () => {
    const insights = { total: 3, unreadable: 0, byStatus: { open: 2, resolved: 1 }, bySeverity: { high: 1, low: 2 }, byMonth: { '2025-03': 3 }, byTag: { cache: 2 },
      hotspots: [], recurringTags: [], followUps: { open: 0, overdue: 0, done: 0 }, medianHoursToLog: null, medianHoursToFix: null, samples: { toLog: 1, toFix: 0 } };
    const html = insightsHtml(insights as never, 'fixture', 'vscode-resource:', 'n0nce', true);
    assert.doesNotMatch(html, /\sstyle=/, 'an inline style is blocked by the CSP');
    const classes = [...html.matchAll(/<rect [^>]*class="(bar-[a-z]+)"/g)].map((m) => m[1]);
    assert.deepStrictEqual(classes.slice(0, 4), ['bar-red', 'bar-green', 'bar-orange', 'bar-blue']);
    for (const cls of new Set(classes)) {
      assert.match(html, new RegExp(`rect\\.${cls} \\{ fill: var\\(--vscode-charts-`), `${cls} is styled in the nonce'd sheet`);
    }
    assert.match(html, /from the introducing commit to the note \(1 note\)/);
  });
});
