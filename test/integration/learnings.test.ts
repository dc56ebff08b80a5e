import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { candor, incidentsDir, treeSnapshot, waitFor } from './helpers';

const HAND_WRITTEN = `---
id: 2025-01-02-restarted-the-wrong-pod
title: Restarted the wrong pod
status: resolved
severity: low
occurred: 2025-01-02T09:00:00Z
tags: [k8s]
---

## What I did

Restarted api-0 instead of api-1.
`;

describe('the Learnings tree', () => {
  it('follows notes written outside VS Code: added, changed, removed', async () => {
    const api = await candor();
    await api.learnings.getChildren();
    fs.mkdirSync(incidentsDir(), { recursive: true });
    const file = path.join(incidentsDir(), '2025-01-02-restarted-the-wrong-pod.md');
    fs.writeFileSync(file, HAND_WRITTEN);
    const resolved = await waitFor('the new note under Resolved', async () =>
      (await treeSnapshot(api)).find((g) => g.group === 'Resolved')?.notes.find((n) => n.item.label === 'Restarted the wrong pod'));
    assert.strictEqual(resolved.item.contextValue, 'candor.note.resolved.low');

    fs.writeFileSync(file, HAND_WRITTEN.replace('status: resolved', 'status: mitigated'));
    await waitFor('the note to move to Mitigated', async () =>
      (await treeSnapshot(api)).find((g) => g.group === 'Mitigated')?.notes.some((n) => n.item.label === 'Restarted the wrong pod'));

    fs.rmSync(file);
    await waitFor('the note to disappear', async () =>
      !(await treeSnapshot(api)).some((g) => g.notes.some((n) => n.item.label === 'Restarted the wrong pod')));
  });

  it('keeps a malformed note listed with a warning and its error, without hiding the others', async () => {
    const api = await candor();
    const before = (await treeSnapshot(api)).flatMap((g) => g.notes).length;
    const file = path.join(incidentsDir(), '2025-01-03-broken.md');
    fs.writeFileSync(file, '---\ntitle: [never closed\nstatus: open\n---\nbody\n');
    const broken = await waitFor('the malformed note under Needs attention', async () =>
      (await treeSnapshot(api)).find((g) => g.group === 'Needs attention')?.notes[0]);
    assert.strictEqual(broken.item.contextValue, 'candor.note.malformed');
    assert.strictEqual((broken.item.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.match((broken.item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /Invalid YAML/);
    const after = (await treeSnapshot(api)).flatMap((g) => g.notes).length;
    assert.strictEqual(after, before + 1, 'every other note is still listed');
    fs.rmSync(file);
    await waitFor('the malformed note to go', async () => !(await treeSnapshot(api)).some((g) => g.group === 'Needs attention'));
  });

  it('shows an invalid status as the file has it, marked invalid, never a default (issue 16, item 8)', async () => {
    const api = await candor();
    fs.mkdirSync(incidentsDir(), { recursive: true });
    const file = path.join(incidentsDir(), '2025-01-04-typo-in-status.md');
    fs.writeFileSync(file, '---\ntitle: Typo in status\nstatus: opne\nseverity: high\noccurred: 2025-01-04T09:00:00Z\n---\nbody\n');
    const broken = await waitFor('the note under Needs attention', async () =>
      (await treeSnapshot(api)).find((g) => g.group === 'Needs attention')?.notes.find((n) => n.item.label === 'Typo in status'));
    assert.strictEqual(broken.item.description, '2025-01-04 · opne (invalid) · high');
    // The tooltip's values line, Markdown escapes undone (its problem line names the valid statuses).
    const tooltip = (broken.item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    const values = tooltip.split('\n').find((l) => l.startsWith('high'));
    assert.strictEqual(values, 'high · opne (invalid) · 2025-01-04T09:00:00Z');
    fs.rmSync(file);
    await waitFor('the note to go', async () => !(await treeSnapshot(api)).some((g) => g.notes.some((n) => n.item.label === 'Typo in status')));
  });

  it('lists notes newest first within a group', async () => {
    const api = await candor();
    for (const [day, title] of [['05', 'Older mistake'], ['09', 'Newer mistake']]) {
      fs.writeFileSync(path.join(incidentsDir(), `2025-02-${day}-x.md`), `---\nid: 2025-02-${day}-x\ntitle: ${title}\nstatus: mitigated\nseverity: low\noccurred: 2025-02-${day}T10:00:00Z\n---\n`);
    }
    const labels = await waitFor('both notes', async () => {
      const group = (await treeSnapshot(api)).find((g) => g.group === 'Mitigated');
      const found = group?.notes.map((n) => String(n.item.label)).filter((l) => l.endsWith('mistake'));
      return found?.length === 2 && found;
    });
    assert.deepStrictEqual(labels, ['Newer mistake', 'Older mistake']);
  });

  it('shows a linked commit in a read-only document', async () => {
    const api = await candor();
    await vscode.commands.executeCommand('candor.logMistake', { title: 'Blamed line 13', files: [{ path: 'src/cache.ts', startLine: 13 }] });
    const entry = (await treeSnapshot(api)).flatMap((g) => g.notes).find((n) => n.item.label === 'Blamed line 13');
    assert.ok(entry, 'the logged note is in the tree at once');
    const commitNode = (await api.learnings.getChildren(entry.node)).find((c) => c.kind === 'commit')!;
    const item = api.learnings.getTreeItem(commitNode);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor('the commit document', () => vscode.window.activeTextEditor?.document.uri.scheme === 'candor-commit' && vscode.window.activeTextEditor);
    assert.match(editor.document.getText(), /Tune cache TTL/);
    assert.match(editor.document.getText(), /^commit [0-9a-f]{40}/);
  });
});
