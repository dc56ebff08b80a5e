// Issue 16, item 11: CLI output fits the terminal — at COLUMNS=80 and 120 no line of list (long
// titles, many notes), help, stats or review is wider — and every command that takes an <id>
// accepts the short id list shows, the full id and a unique prefix; an ambiguous prefix is a
// usage error (exit 2) that names the candidates and changes nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lines, TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli, stdoutLines, writeNote } from './helpers/cli';
import { displayWidth } from '../../src/cli/terminalText';
import type { ListedNote } from '../../src/cli/commands/list';
import { COMMANDS } from '../../src/cli/commandTable';

const WIDTHS = [80, 120];

/** Thirty notes with long titles, several a day with names that start alike. */
function crowdedRepo(): TempRepo {
  const repo = TempRepo.create();
  repo.commit('Add cache', { 'src/cache.ts': lines(40, (n) => `export const v${n} = ${n};`) });
  const slugs = ['changed-res-send-to-treat-a-number-body-as-a-status-code', 'changed-res-send-charset-handling-so-json-lost-utf8', 'removed-a-deprecated-alias', 'typo'];
  for (let day = 1; day <= 8; day++) {
    for (const [i, slug] of slugs.entries()) {
      if (day > 7 && i > 1) {
        continue;
      }
      const id = `2026-03-${String(day).padStart(2, '0')}-${slug}`;
      const title = `${slug.replace(/-/g, ' ')} on day ${day}, which broke every caller that relied on the old behaviour of the cache`;
      writeNote(repo.root, id, { title, severity: i === 0 ? 'critical' : 'medium', status: i === 1 ? 'mitigated' : 'open', files: [{ path: 'src/cache.ts', lines: [5, 9] }] });
    }
  }
  return repo;
}

function assertFits(text: string, width: number, what: string): void {
  for (const line of text.split('\n')) {
    assert.ok(displayWidth(line) <= width, `${what} at ${width}: ${displayWidth(line)} columns: ${line}`);
  }
}

describe('CLI output fits the terminal; short ids (issue 16, item 11)', function () {
  // Each test runs the CLI a dozen times or more, on a shared machine.
  this.timeout(240_000);
  before(ensureBuilt);

  it('list fits 80 and 120 columns with short ids, the title taking the rest', () => {
    const repo = crowdedRepo();
    const titleWidth: number[] = [];
    for (const width of WIDTHS) {
      const result = runCli(['list'], { cwd: repo.root, env: { COLUMNS: String(width) } });
      assert.strictEqual(result.code, 0, result.stderr);
      assertFits(result.stdout, width, 'list');
      const rows = stdoutLines(result).slice(1, -1);
      assert.strictEqual(rows.length, 30);
      // The ID column is short ids: at most the date and the part of the name that differs.
      const ids = rows.map((r) => r.split(/\s+/)[0]);
      assert.ok(ids.every((id) => id.length <= 32), ids.join('\n'));
      assert.strictEqual(new Set(ids).size, ids.length, 'short ids are unique');
      const title = rows[0].slice(rows[0].lastIndexOf('  ') + 2);
      titleWidth.push(displayWidth(title));
    }
    assert.ok(titleWidth[0] >= 20, `a title has room at 80 columns: ${titleWidth[0]}`);
    assert.ok(titleWidth[1] >= titleWidth[0] + 40, `the title takes the extra width: ${titleWidth.join(', ')}`);
  });

  it('list piped without COLUMNS keeps whole titles', () => {
    const repo = crowdedRepo();
    const out = runCli(['list'], { cwd: repo.root }).stdout;
    assert.match(out, /which broke every caller that relied on the old behaviour of the cache\n/);
    assert.doesNotMatch(out, /…/);
  });

  it('help, stats and review fit 80 and 120 columns', () => {
    const repo = crowdedRepo();
    repo.write('src/cache.ts', lines(40, (n) => `export const v${n} = ${n === 7 ? 'changed' : n};`));
    for (const width of WIDTHS) {
      const env = { COLUMNS: String(width) };
      assertFits(runCli(['--help'], { cwd: repo.root, env }).stdout, width, 'candor --help');
      for (const command of COMMANDS) {
        const help = runCli([command.name, '--help'], { cwd: repo.root, env });
        assert.strictEqual(help.code, 0, help.stderr);
        assertFits(help.stdout, width, `candor ${command.name} --help`);
      }
      assertFits(runCli(['stats'], { cwd: repo.root, env }).stdout, width, 'stats');
      const review = runCli(['review', 'HEAD'], { cwd: repo.root, env });
      assert.strictEqual(review.code, 0, review.stderr);
      assert.match(review.stdout, /This change touches 30 learnings/);
      // Note paths are printed whole (a cut path cannot be opened); every other line fits.
      assertFits(review.stdout.split('\n').filter((l) => !l.trim().startsWith('incidents/')).join('\n'), width, 'review');
    }
  });

  it('show, status, respond and disclose accept the short id, the full id and a unique prefix', () => {
    const repo = crowdedRepo();
    const listed = JSON.parse(runCli(['list', '--json'], { cwd: repo.root }).stdout) as ListedNote[];
    const note = listed.find((n) => n.id === '2026-03-08-changed-res-send-charset-handling-so-json-lost-utf8')!;
    assert.strictEqual(note.shortId, '2026-03-08-changed-res-send-c');
    const table = runCli(['list'], { cwd: repo.root, env: { COLUMNS: '80' } }).stdout;
    assert.match(table, /^2026-03-08-changed-res-send-c +mitigated/m, 'the table shows the same short id');
    for (const wanted of [note.shortId, note.id, '2026-03-08-changed-res-send-ch', `${note.id}.md`]) {
      const show = runCli(['show', wanted], { cwd: repo.root });
      assert.strictEqual(show.code, 0, `${wanted}: ${show.stderr}`);
      assert.match(show.stdout, new RegExp(`\\n${note.id}\\n`));
      assert.match(show.stdout, /\n {2}Short id +2026-03-08-changed-res-send-c\n/);
      const disclose = runCli(['disclose', wanted], { cwd: repo.root });
      assert.strictEqual(disclose.code, 0, `${wanted}: ${disclose.stderr}`);
      assert.match(disclose.stdout, /changed res send charset handling/);
    }
    const status = runCli(['status', note.shortId, 'resolved'], { cwd: repo.root });
    assert.strictEqual(status.code, 0, status.stderr);
    assert.match(fs.readFileSync(path.join(repo.root, note.path), 'utf8'), /\nstatus: resolved\n/);
    const respond = runCli(['respond', '2026-03-08-changed-res-send-ch', '--kind', 'thanks', '--text', 'Thank you for telling us.'], { cwd: repo.root });
    assert.strictEqual(respond.code, 0, respond.stderr);
    assert.ok(respond.stdout.trim().startsWith(`incidents/${note.id}/responses/`), respond.stdout);
  });

  it('an ambiguous prefix exits 2, names the candidates, and changes nothing', () => {
    const repo = crowdedRepo();
    const snapshot = () => fs.readdirSync(path.join(repo.root, 'incidents')).sort().join('\n');
    const files = snapshot();
    for (const args of [['show', '2026-03-08'], ['status', '2026-03-08-changed', 'resolved'], ['respond', '2026-03-08-chan', '--kind', 'thanks', '--text', 'Thanks'], ['disclose', '2026-03-08-']]) {
      const result = runCli(args, { cwd: repo.root });
      assert.strictEqual(result.code, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      assert.match(result.stderr, /is the start of 2 notes: 2026-03-08-changed-res-send-c, 2026-03-08-changed-res-send-t\./);
      assert.strictEqual(result.stdout, '');
    }
    assert.strictEqual(snapshot(), files, 'nothing written');
    assert.ok(!fs.readFileSync(path.join(repo.root, 'incidents', '2026-03-08-changed-res-send-to-treat-a-number-body-as-a-status-code.md'), 'utf8').includes('resolved'));
    // A prefix of no note is still "no note" (exit 4).
    assert.strictEqual(runCli(['show', '2027'], { cwd: repo.root }).code, 4);
  });
});
