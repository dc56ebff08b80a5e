// candor.buildSite in the real extension host: scripted with { out } it builds the workspace's
// site and returns { out, notes, pages } with no UI; a bad argument is refused with a message.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { renderNote } from '../../src/core/noteWriting/newNoteFile';
import { workspaceRoot } from './helpers';

describe('candor.buildSite', () => {
  // The fixture workspace starts with no notes: one of its own, removed after.
  let note: string;
  before(() => {
    note = path.join(workspaceRoot(), 'incidents', '2026-01-02-site-test.md');
    fs.mkdirSync(path.dirname(note), { recursive: true });
    const when = new Date('2026-01-02T09:00:00Z');
    fs.writeFileSync(note, renderNote('2026-01-02-site-test', { title: 'Site test note', severity: 'low', occurred: when, logged: when, commits: [], files: [] }));
  });
  after(() => fs.rmSync(note, { force: true }));

  it('builds the site into { out } and returns { out, notes, pages } with no UI', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'candor-site-')), 'site');
    const result = await vscode.commands.executeCommand<{ out: string; notes: number; pages: number }>('candor.buildSite', { out });
    assert.deepStrictEqual(Object.keys(result).sort(), ['notes', 'out', 'pages']);
    assert.strictEqual(result.out, out);
    assert.ok(result.notes >= 1, `notes: ${result.notes}`);
    assert.strictEqual(result.pages, result.notes + 3, 'index, insights, hotspots and a page per note');
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    assert.match(index, /Content-Security-Policy/);
    assert.strictEqual(fs.readdirSync(path.join(out, 'notes')).length >= 1, true);
    // Built again, the same bytes.
    const before = fs.readFileSync(path.join(out, 'index.html'));
    await vscode.commands.executeCommand('candor.buildSite', { out });
    assert.ok(fs.readFileSync(path.join(out, 'index.html')).equals(before));
  });

  it('refuses an out that is not a folder path, and a folder it did not build', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.buildSite', { out: 42 })), /needs \{ out: string \}/);
    const mine = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-mine-'));
    fs.writeFileSync(path.join(mine, 'keep.txt'), 'mine');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('candor.buildSite', { out: mine })), /not a site Candor built/);
    assert.strictEqual(fs.readFileSync(path.join(mine, 'keep.txt'), 'utf8'), 'mine');
  });
});
