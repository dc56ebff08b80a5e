// `candor review` through the built CLI: every format, SARIF validated against the official
// 2.1.0 schema (test/fixtures/sarif, source noted there), GitHub's escaping, and the exit codes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { addNote, edit, link, reviewRepo, SOURCE } from '../unit/helpers/reviewRepo';
import { TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, REPO, runCli, stdoutLines } from './helpers/cli';

function touchedRepo(): { repo: TempRepo; base: string } {
  const made = reviewRepo();
  made.repo.git('remote', 'add', 'origin', 'git@github.com:acme/shop.git');
  made.repo.write('src/cache.ts', edit(SOURCE, { replace: 21 }));
  return made;
}

function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  // The schema is draft-04 (`id`, not `$id`); nothing else in it differs from what Ajv reads.
  const { id, ...rest } = schema;
  delete rest.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (v: string) => URL.canParse(v));
  ajv.addFormat('uri-reference', (v: string) => URL.canParse(v, 'file:///'));
  ajv.addFormat('date-time', (v: string) => !Number.isNaN(Date.parse(v)));
  return ajv.compile({ $id: id as string, ...rest });
}

describe('candor review', () => {
  before(ensureBuilt);

  it('text: the file and lines, title, severity, status, learnings, open follow-ups, note path', () => {
    const { repo } = touchedRepo();
    const result = runCli(['review'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    const out = result.stdout;
    assert.match(out, /^This change touches 1 learning \([0-9a-f]{7}\.\.[0-9a-f]{7} \+ working tree\):/);
    assert.match(out, /src\/cache\.ts:20-22 \(changed 21-21\)/);
    assert.match(out, /Flushed the production cache {2}high · open/);
    assert.match(out, /Never flush twice\./);
    assert.match(out, /\[ \] Add a guard @ada due:2030-01-01/);
    assert.doesNotMatch(out, /Page the team/);
    assert.match(out, /incidents\/2026-01-01-flushed-cache\.md/);
  });

  it('json: the documented shape, paths relative to the root, from a subfolder too', () => {
    const { repo, base } = touchedRepo();
    const result = runCli(['review', '--format', 'json'], { cwd: path.join(repo.root, 'src') });
    assert.strictEqual(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepStrictEqual(report, {
      base, head: base,
      touched: [{
        id: '2026-01-01-flushed-cache', title: 'Flushed the production cache', severity: 'high', status: 'open', invalid: [], notSet: [],
        note: 'incidents/2026-01-01-flushed-cache.md', file: 'src/cache.ts', lines: [20, 22], changed: [21, 21],
        learnings: 'Never flush twice.', openFollowUps: ['Add a guard @ada due:2030-01-01'],
      }],
    });
  });

  it('github: one ::warning per touched range, properties and data escaped', () => {
    const { repo } = touchedRepo();
    addNote(repo, '2026-01-05-odd', [link(SOURCE, 'src/cache.ts', 21, 21, repo.git('rev-parse', 'HEAD').trim())], { title: 'Cache: 100%, then\nnothing', severity: 'low' });
    const result = runCli(['review', '--format', 'github'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    const lines = stdoutLines(result);
    assert.strictEqual(lines.length, 2);
    assert.match(lines[0], /^::warning file=src\/cache\.ts,line=21,endLine=21,title=Learning%3A Flushed the production cache::This change touches lines 20-22/);
    const odd = lines.find((l) => l.includes('odd'))!;
    assert.match(odd, /title=Learning%3A Cache%3A 100%25%2C then%0Anothing::/);
    assert.match(odd, /%0A%0ANever flush twice\.%0A/);
    assert.doesNotMatch(odd, /\n|\r/);
  });

  it('markdown: one comment body with the hidden marker and permalinks at the head commit', () => {
    const { repo, base } = touchedRepo();
    const result = runCli(['review', '--format', 'markdown'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.match(md, /^<!-- candor-review -->\nThis change touches code with 1 learning/);
    assert.ok(md.includes(`[Flushed the production cache](https://github.com/acme/shop/blob/${base}/incidents/2026-01-01-flushed-cache.md)`), md);
    assert.ok(md.includes(`(https://github.com/acme/shop/blob/${base}/src/cache.ts#L20-L22)`), md);
    assert.match(md, /> Never flush twice\./);
  });

  it('sarif: valid SARIF 2.1.0, one result per touched range', () => {
    const { repo } = touchedRepo();
    addNote(repo, '2026-01-06-second', [link(SOURCE, 'src/cache.ts', 1, 2, repo.git('rev-parse', 'HEAD').trim()), link(SOURCE, 'src/cache.ts', 18, 19, repo.git('rev-parse', 'HEAD').trim())]);
    const result = runCli(['review', '--format', 'sarif'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    const log = JSON.parse(result.stdout) as { version: string; runs: { results: { locations: { physicalLocation: { region: unknown } }[] }[] }[] };
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.strictEqual(log.version, '2.1.0');
    assert.strictEqual(log.runs[0].results.length, 2);
    // The validator itself can fail: a result without a message is refused.
    const broken = JSON.parse(result.stdout) as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0].results[0].message;
    assert.ok(!validate(broken));
  });

  it('shows a broken note as its file says in every format: the invalid value as written, a missing one marked', () => {
    const { repo } = touchedRepo();
    const note = path.join(repo.root, 'incidents', '2026-01-01-flushed-cache.md');
    fs.writeFileSync(note, fs.readFileSync(note, 'utf8').replace(/^status: .*$/m, 'status: opne').replace(/^severity: .*\n/m, ''));
    const json = JSON.parse(runCli(['review', '--format', 'json'], { cwd: repo.root }).stdout) as { touched: Record<string, unknown>[] };
    assert.deepStrictEqual([json.touched[0].status, json.touched[0].severity, json.touched[0].invalid, json.touched[0].notSet], ['opne', 'medium', ['status'], ['severity']]);
    const markdown = runCli(['review', '--format', 'markdown'], { cwd: repo.root }).stdout;
    assert.match(markdown, /\*\*medium \(not set\)\*\* · opne \(invalid\) · /);
    assert.doesNotMatch(markdown, /· open ·/);
    const github = runCli(['review', '--format', 'github'], { cwd: repo.root }).stdout;
    assert.match(github, /linked to a medium \(not set\) learning \(opne \(invalid\)\)/);
    const sarif = JSON.parse(runCli(['review', '--format', 'sarif'], { cwd: repo.root }).stdout) as { runs: { results: { message: { text: string }; properties: Record<string, unknown> }[] }[] };
    assert.match(sarif.runs[0].results[0].message.text, /opne \(invalid\)/);
    assert.deepStrictEqual(sarif.runs[0].results[0].properties.invalid, ['status']);
    assert.match(runCli(['review'], { cwd: repo.root }).stdout, /medium \(not set\) · opne \(invalid\)/);
    // --fail-on counts the format's default for a missing severity, as `candor check` does.
    assert.strictEqual(runCli(['review', '--fail-on', 'medium'], { cwd: repo.root }).code, 1);
    assert.strictEqual(runCli(['review', '--fail-on', 'high'], { cwd: repo.root }).code, 0);
  });

  it('--fail-on exits 1 only when a touched note is that severe or worse', () => {
    const { repo } = touchedRepo();
    assert.strictEqual(runCli(['review', '--fail-on', 'high'], { cwd: repo.root }).code, 1);
    assert.strictEqual(runCli(['review', '--fail-on', 'medium'], { cwd: repo.root }).code, 1);
    assert.strictEqual(runCli(['review', '--fail-on', 'critical'], { cwd: repo.root }).code, 0);
    assert.strictEqual(runCli(['review', '--fail-on', 'huge'], { cwd: repo.root }).code, 2);
  });

  it('exit codes: a bad revision 2, no incidents folder 3 (an empty one 0, with a message), a shallow clone without the base 3, bad --context 2', () => {
    const { repo } = touchedRepo();
    const bad = runCli(['review', 'no-such-branch'], { cwd: repo.root });
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /no-such-branch is not a commit in this repository/);
    assert.strictEqual(runCli(['review', '--context', '-1'], { cwd: repo.root }).code, 2);
    assert.strictEqual(runCli(['review', '--context', 'x'], { cwd: repo.root }).code, 2);
    assert.strictEqual(runCli(['review', 'a', 'b'], { cwd: repo.root }).code, 2);
    const empty = TempRepo.create();
    empty.commit('One', { 'a.txt': 'a\n' });
    const none = runCli(['review'], { cwd: empty.root });
    assert.strictEqual(none.code, 3);
    assert.match(none.stderr, /No incidents folder/);
    fs.mkdirSync(path.join(empty.root, 'incidents'));
    const noNotes = runCli(['review', '--format', 'json'], { cwd: empty.root });
    assert.strictEqual(noNotes.code, 0, 'an empty incidents folder is advice, not a failure');
    assert.deepStrictEqual(JSON.parse(noNotes.stdout).touched, []);
    assert.match(noNotes.stderr, /no notes yet in the incidents folder/);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'Edit');
    const clone = path.join(path.dirname(repo.root), `${path.basename(repo.root)}-shallow`);
    repo.git('clone', '-q', '--depth', '1', '--branch', 'feat', `file://${repo.root}`, clone);
    const shallow = runCli(['review', repo.git('rev-parse', 'main').trim()], { cwd: clone });
    assert.strictEqual(shallow.code, 3);
    assert.match(shallow.stderr, /shallow clone/);
    assert.match(shallow.stderr, /fetch-depth: 0/);
  });

  it('is listed in candor --help and has its own help', () => {
    assert.match(runCli(['--help'], { cwd: REPO }).stdout, /review +Show which learnings a change touches/);
    const help = runCli(['review', '--help'], { cwd: REPO });
    assert.strictEqual(help.code, 0);
    assert.match(help.stdout, /--fail-on <severity>/);
  });
});
