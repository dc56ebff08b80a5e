// Issue 16, item 8: a broken note is shown as its file says, marked invalid, never with a default
// that looks real: `list` (table and --json), `show` and `check`, through the built CLI. And a
// YAML error gives one line number, counted from the start of the file, with no dangling colon.
import * as assert from 'assert';
import { TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli, stdoutLines, writeRaw } from './helpers/cli';
import type { ListedNote } from '../../src/cli/commands/list';

const TYPO = '2026-02-21-typo-in-the-deploy-script';
const DUPLICATE = '2026-02-22-duplicate-status';

function brokenRepo(): TempRepo {
  const repo = TempRepo.create();
  writeRaw(repo.root, `${TYPO}.md`, `---\nid: ${TYPO}\ntitle: Typo in the deploy script\nstatus: opne\nseverity: high\n---\n\nBody.\n`);
  // Line 5 of the file (line 4 of the front matter) repeats `status`.
  writeRaw(repo.root, `${DUPLICATE}.md`, `---\ntitle: Said twice\nstatus: open\nseverity: low\nstatus: resolved\n---\n`);
  return repo;
}

describe('candor list, show and check on broken notes (issue 16, item 8)', () => {
  before(ensureBuilt);

  it('list shows the file\'s own status, marked (!), and no made-up value for an unreadable note', () => {
    const repo = brokenRepo();
    const result = runCli(['list'], { cwd: repo.root, env: { COLUMNS: '120' } });
    assert.strictEqual(result.code, 0, result.stderr);
    const out = stdoutLines(result);
    const typo = out.find((l) => l.includes('Typo in the deploy script'))!;
    assert.match(typo, /^! {2}2026-02-21-typo +opne \(!\) +high +Typo in the deploy script$/);
    assert.doesNotMatch(typo, /\bopen\b|medium/);
    const duplicate = out.find((l) => l.includes('2026-02-22'))!;
    assert.match(duplicate, /^! {2}2026-02-22-dupl +\? \(!\) +\? \(!\) /);
    assert.doesNotMatch(duplicate, /\bopen\b|\blow\b|medium|resolved/);
    // A long invalid value is cut before its mark, which stays.
    writeRaw(repo.root, '2026-02-23-long.md', '---\ntitle: Long\nstatus: this-is-a-much-longer-invalid-status\nseverity: low\n---\n');
    const long = stdoutLines(runCli(['list'], { cwd: repo.root, env: { COLUMNS: '120' } })).find((l) => l.endsWith('Long'))!;
    assert.match(long, /^! {2}2026-02-23-long +this-is-a-m… \(!\) +low +Long$/);
  });

  it('list --json keeps the file\'s raw value and names the invalid fields', () => {
    const repo = brokenRepo();
    const notes = JSON.parse(runCli(['list', '--json'], { cwd: repo.root }).stdout) as ListedNote[];
    const typo = notes.find((n) => n.id === TYPO)!;
    assert.strictEqual(typo.status, 'opne');
    assert.strictEqual(typo.severity, 'high');
    assert.deepStrictEqual(typo.invalid, ['status']);
    const duplicate = notes.find((n) => n.id === DUPLICATE)!;
    // Nothing could be read: the defaults are there for the shape's sake, and all named invalid.
    assert.deepStrictEqual(duplicate.invalid, ['title', 'status', 'severity']);
    assert.deepStrictEqual(duplicate.problems, [{ level: 'error', message: 'Invalid YAML: Map keys must be unique.', line: 5 }]);
    // A filter matches what the file validly says: `opne` is not open, `high` is high.
    const ids = (...args: string[]) => (JSON.parse(runCli(['list', '--json', ...args], { cwd: repo.root }).stdout) as ListedNote[]).map((n) => n.id);
    assert.deepStrictEqual(ids('--status', 'open'), []);
    assert.deepStrictEqual(ids('--severity', 'high'), [TYPO]);
  });

  it('show marks the invalid value and says the unreadable one is unknown', () => {
    const repo = brokenRepo();
    const typo = runCli(['show', TYPO], { cwd: repo.root });
    assert.strictEqual(typo.code, 0, typo.stderr);
    assert.match(typo.stdout, /\n {2}Status +opne \(invalid\)\n {2}Severity +high\n/);
    assert.match(typo.stdout, /error: line 4: `status` is "opne"; expected one of open, mitigated, resolved\./);
    const duplicate = runCli(['show', DUPLICATE], { cwd: repo.root });
    assert.strictEqual(duplicate.code, 0, duplicate.stderr);
    assert.match(duplicate.stdout, /\n {2}Status +unknown \(unreadable\)\n {2}Severity +unknown \(unreadable\)\n/);
    assert.match(duplicate.stdout, /\n {2}error: line 5: Invalid YAML: Map keys must be unique\.\n/);
    assert.doesNotMatch(duplicate.stdout, /at line|column|:\n/);
  });

  it('disclose drafts the file\'s own value, marked, never the default as if the note said it', () => {
    const repo = brokenRepo();
    const result = runCli(['disclose', TYPO], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout, /opne \(invalid\)/);
    assert.doesNotMatch(result.stdout, /\bopen\b/);
  });

  it('check gives a YAML error one line number, counted in the file, and no dangling colon', () => {
    const repo = brokenRepo();
    const result = runCli(['check'], { cwd: repo.root });
    assert.strictEqual(result.code, 1);
    const out = stdoutLines(result);
    assert.ok(out.includes(`incidents/${DUPLICATE}.md:5: error: Invalid YAML: Map keys must be unique.`), out.join('\n'));
    assert.ok(out.includes(`incidents/${TYPO}.md:4: error: \`status\` is "opne"; expected one of open, mitigated, resolved.`), out.join('\n'));
    assert.ok(out.every((l) => !/at line \d|:$/.test(l)), out.join('\n'));
    const github = runCli(['check', '--format', 'github'], { cwd: repo.root });
    assert.match(github.stdout, new RegExp(`^::error file=incidents/${DUPLICATE}\\.md,line=5,title=Candor::Invalid YAML: Map keys must be unique\\.$`, 'm'));
  });
});
