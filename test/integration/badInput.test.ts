// The bad-input suite inside the real extension host: the Learnings tree and hovers over every
// hostile and broken note in test/fixtures/bad-notes. No exception may escape, every valid note
// loads normally, and every invalid one is listed under "Needs attention" with its message.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LearningsNode } from '../../src/features/learnings/learningsNodes';
import { candor, incidentsDir, treeSnapshot, waitFor, workspaceRoot } from './helpers';

interface BadInputCase { file: string; kind: string; valid: boolean; message?: string }

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'bad-notes');
const CASES = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'cases.json'), 'utf8')) as BadInputCase[];

describe(`bad input in the extension host (${CASES.length} kinds)`, () => {
  before(async () => {
    const api = await candor();
    fs.mkdirSync(incidentsDir(), { recursive: true });
    for (const c of CASES) {
      fs.copyFileSync(path.join(FIXTURES, c.file), path.join(incidentsDir(), c.file));
    }
    await vscode.commands.executeCommand('candor.refresh');
    await api.learnings.getChildren();
  });
  after(async () => {
    for (const c of CASES) {
      fs.rmSync(path.join(incidentsDir(), c.file), { force: true });
    }
    await vscode.commands.executeCommand('candor.refresh');
  });

  it('renders every node of the tree, listing valid notes normally and invalid ones with their message', async () => {
    const api = await candor();
    const visit = async (node?: LearningsNode): Promise<number> => {
      let count = 0;
      for (const child of await api.learnings.getChildren(node)) {
        api.learnings.getTreeItem(child);
        count += 1 + (await visit(child));
      }
      return count;
    };
    assert.ok((await visit()) > CASES.length);
    const tree = await treeSnapshot(api);
    const attention = tree.find((g) => g.group === 'Needs attention')?.notes ?? [];
    const elsewhere = tree.filter((g) => g.group !== 'Needs attention').flatMap((g) => g.notes);
    for (const c of CASES) {
      const uri = vscode.Uri.file(path.join(incidentsDir(), c.file)).toString();
      const find = (list: typeof attention) => list.find((n) => n.item.resourceUri?.toString() === uri);
      if (c.valid) {
        assert.ok(find(elsewhere), `${c.kind}: listed normally`);
      } else {
        const listed = find(attention);
        assert.ok(listed, `${c.kind}: listed under Needs attention`);
        const tooltip = (listed.item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ');
        assert.match(tooltip, new RegExp(c.message!.replace(/`/g, '\\\\`'), 'i'), c.kind);
      }
    }
  });

  it('shows hovers over linked code with the broken notes present', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'src/cache.ts'));
    const texts = await waitFor('a hover from the valid fixture', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(13, 4));
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value).replace(/&nbsp;/g, ' ')));
      return all.some((t) => t.includes('A valid note')) && all;
    });
    assert.ok(texts.length > 0);
  });
});
