// `candor check`: every kind of problem, the exit code, GitHub annotations, and the promise that
// makes it usable in a pre-commit hook (one scan, one git process for all the shas).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lines, tempDir, TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli, stdoutLines, writeNote, writeRaw } from './helpers/cli';

const UNKNOWN_HEAD = 'f'.repeat(40);
const UNKNOWN_FILE_COMMIT = 'e'.repeat(40);

function note(id: string, fields: string[], body = '## Learnings\n\nKeep going.\n'): string {
  return ['---', `id: ${id}`, ...fields, '---', '', body].join('\n');
}

/** A repository with one note per kind of problem, each at a known line. */
function repoWithEveryProblem(): { repo: TempRepo; base: string } {
  const repo = TempRepo.create();
  const base = repo.commit('Add cache', { 'src/cache.ts': lines(30, (n) => `export const v${n} = ${n};`) });
  fs.symlinkSync(tempDir('candor-outside-'), path.join(repo.root, 'link-out'));
  const ok = ['title: Fine', 'status: open', 'severity: low'];
  writeRaw(repo.root, '2026-01-01-bad-yaml.md', note('2026-01-01-bad-yaml', ['title: [unclosed', 'status: open']));
  writeRaw(repo.root, '2026-01-02-wrong-types.md', note('2026-01-02-wrong-types', ['title: 123', 'status: open', 'severity: low', 'tags: cache']));
  writeRaw(repo.root, '2026-01-03-unknown-status.md', note('2026-01-03-unknown-status', ['title: Fine', 'status: done', 'severity: low']));
  writeRaw(repo.root, '2026-01-04-unknown-severity.md', note('2026-01-04-unknown-severity', ['title: Fine', 'status: open', 'severity: catastrophic']));
  writeRaw(repo.root, '2026-01-05-id-mismatch.md', note('2026-01-05-another-id', ok));
  writeRaw(repo.root, '2026-01-06-missing-file.md', note('2026-01-06-missing-file', [...ok, 'files:', '  - path: src/cache.ts', '  - path: src/gone.ts', '    lines: [1, 2]']));
  writeRaw(repo.root, '2026-01-07-leaves-repo.md', note('2026-01-07-leaves-repo', [...ok, 'files:', '  - path: ../outside.ts', '  - path: link-out/secret.txt']));
  writeRaw(repo.root, '2026-01-08-unknown-sha.md', note('2026-01-08-unknown-sha', [
    ...ok, `head: ${UNKNOWN_HEAD}`, 'commits:', `  - sha: ${base.slice(0, 7)}`, '    role: introduced', '  - sha: abc1234', '    role: related',
    'files:', '  - path: src/cache.ts', `    commit: ${UNKNOWN_FILE_COMMIT}`,
  ]));
  writeRaw(repo.root, '2026-01-09-sha-option.md', note('2026-01-09-sha-option', [...ok, 'head: -h', 'commits:', '  - sha: --output=/tmp/candor-pwned', '    role: related']));
  writeRaw(repo.root, '2026-01-10-overdue.md', note('2026-01-10-overdue', ok, [
    '## Prevention', '', '- [ ] Add a guard @ada due:2000-01-01', '- [ ] Write the runbook due:2999-12-31', '- [x] Page the team due:2000-01-01', '',
  ].join('\n')));
  writeNote(repo.root, '2026-01-11-valid', { title: 'Valid', head: base, commits: [{ sha: base, role: 'introduced' }], files: [{ path: 'src/cache.ts', lines: [1, 2], commit: base }] });
  return { repo, base };
}

const EXPECTED = [
  /^incidents\/2026-01-01-bad-yaml\.md:4: error: Invalid YAML: /,
  /^incidents\/2026-01-02-wrong-types\.md:3: error: `title` must be text, not a number\.$/,
  /^incidents\/2026-01-02-wrong-types\.md:6: error: `tags` must be a list, not a string\.$/,
  /^incidents\/2026-01-03-unknown-status\.md:4: error: `status` is "done"; expected one of open, mitigated, resolved\.$/,
  /^incidents\/2026-01-04-unknown-severity\.md:5: error: `severity` is "catastrophic"; expected one of near-miss, low, medium, high, critical\.$/,
  /^incidents\/2026-01-05-id-mismatch\.md:2: warning: id "2026-01-05-another-id" does not match the file name "2026-01-05-id-mismatch"\.$/,
  /^incidents\/2026-01-06-missing-file\.md:8: error: Linked file "src\/gone\.ts" does not exist in the working tree/,
  /^incidents\/2026-01-07-leaves-repo\.md:6: error: files\[0\]\.path "\.\.\/outside\.ts" leaves the repository; it is never opened\.$/,
  /^incidents\/2026-01-07-leaves-repo\.md:8: error: Linked file "link-out\/secret\.txt" leads outside the repository; it is never opened\.$/,
  new RegExp(`^incidents/2026-01-08-unknown-sha\\.md:6: error: Commit ${UNKNOWN_HEAD} \\(head\\) is not in this repository\\.$`),
  /^incidents\/2026-01-08-unknown-sha\.md:10: error: Commit abc1234 \(commits\[1\]\.sha\) is not in this repository\.$/,
  new RegExp(`^incidents/2026-01-08-unknown-sha\\.md:14: error: Commit ${UNKNOWN_FILE_COMMIT} \\(files\\[0\\]\\.commit\\) is not in this repository\\.$`),
  /^incidents\/2026-01-09-sha-option\.md:6: error: `head` is not a commit sha: "-h"\.$/,
  /^incidents\/2026-01-09-sha-option\.md:7: error: commits\[0\]\.sha is not a commit sha: "--output=\/tmp\/candor-pwned"\.$/,
  /^incidents\/2026-01-10-overdue\.md:10: warning: Follow-up overdue since 2000-01-01: Add a guard @ada due:2000-01-01$/,
];

describe('candor check', () => {
  before(ensureBuilt);

  it('passes a repository with no incidents folder yet, so a pre-commit hook never blocks it', () => {
    const repo = TempRepo.create();
    repo.commit('Add a file', { 'a.ts': '1\n' });
    const result = runCli(['check'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout, /No incident notes in incidents: nothing to check\./);
  });

  it('passes a clean folder with exit 0', () => {
    const repo = TempRepo.create();
    repo.commit('Add cache', { 'src/cache.ts': lines(20, (n) => `const a${n} = ${n};`) });
    assert.strictEqual(runCli(['log', '--title', 'Clean', '--file', 'src/cache.ts:3-4'], { cwd: repo.root }).code, 0);
    const result = runCli(['check'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stdout + result.stderr);
    assert.strictEqual(result.stdout, '1 note checked: no problems.\n');
    assert.strictEqual(result.stderr, '');
  });

  it('reports every kind of problem as file:line: level: message, and exits 1', () => {
    const { repo } = repoWithEveryProblem();
    const result = runCli(['check'], { cwd: repo.root });
    assert.strictEqual(result.code, 1, result.stderr);
    const out = stdoutLines(result);
    for (const expected of EXPECTED) {
      assert.ok(out.some((l) => expected.test(l)), `${expected}\nin:\n${out.join('\n')}`);
    }
    assert.ok(!out.some((l) => l.includes('2026-01-11-valid')), 'the valid note has no problem');
    assert.ok(!out.some((l) => /2999-12-31|Page the team/.test(l)), 'only open, overdue follow-ups are reported');
    assert.ok(!out.some((l) => /\(commits\[0\]\.sha\)/.test(l)), 'a known short sha is fine');
    const errors = out.filter((l) => /: error: /.test(l)).length;
    const warnings = out.filter((l) => /: warning: /.test(l)).length;
    assert.strictEqual(out.at(-1), `11 notes checked: ${errors} errors, ${warnings} warnings in 10 notes.`);
    assert.strictEqual(warnings, 2);
    assert.strictEqual(result.stderr, '');
  });

  it('prints paths relative to the current directory', () => {
    const { repo } = repoWithEveryProblem();
    const result = runCli(['check'], { cwd: path.join(repo.root, 'src') });
    assert.strictEqual(result.code, 1);
    assert.match(result.stdout, /^\.\.\/incidents\/2026-01-01-bad-yaml\.md:4: error: /m);
  });

  it('exits 0 on warnings alone, and 1 with --strict, which makes them errors', () => {
    const repo = TempRepo.create();
    writeRaw(repo.root, '2026-01-05-id-mismatch.md', note('2026-01-05-another-id', ['title: Fine', 'status: open', 'severity: low']));
    writeRaw(repo.root, '2026-01-10-overdue.md', note('2026-01-10-overdue', ['title: Fine', 'status: resolved', 'severity: low'], '- [ ] Add a guard due:2001-02-03\n'));
    const lenient = runCli(['check'], { cwd: repo.root });
    assert.strictEqual(lenient.code, 0);
    assert.match(lenient.stdout, /^incidents\/2026-01-10-overdue\.md:8: warning: Follow-up overdue since 2001-02-03: Add a guard due:2001-02-03$/m);
    assert.match(lenient.stdout, /2 notes checked: 0 errors, 2 warnings in 2 notes\.\n$/);
    const strict = runCli(['check', '--strict'], { cwd: repo.root });
    assert.strictEqual(strict.code, 1);
    assert.match(strict.stdout, /^incidents\/2026-01-10-overdue\.md:8: error: Follow-up overdue since 2001-02-03/m);
    assert.match(strict.stdout, /^incidents\/2026-01-05-id-mismatch\.md:2: error: id /m);
    assert.match(strict.stdout, /2 notes checked: 2 errors, 0 warnings in 2 notes\.\n$/);
  });

  it('prints GitHub Actions annotations with --format github, escaped', () => {
    const { repo } = repoWithEveryProblem();
    writeRaw(repo.root, '2026-02-01-odd,name.md', note('2026-02-01-odd,name', ['title: Fine', 'status: 100%', 'severity: low']));
    const result = runCli(['check', '--format', 'github'], { cwd: path.join(repo.root, 'src') });
    assert.strictEqual(result.code, 1);
    const out = stdoutLines(result);
    assert.ok(out.includes('::error file=incidents/2026-01-03-unknown-status.md,line=4,title=Candor::`status` is "done"; expected one of open, mitigated, resolved.'), out.join('\n'));
    assert.ok(out.includes('::warning file=incidents/2026-01-10-overdue.md,line=10,title=Candor::Follow-up overdue since 2000-01-01: Add a guard @ada due:2000-01-01'));
    assert.ok(out.includes('::error file=incidents/2026-02-01-odd%2Cname.md,line=4,title=Candor::`status` is "100%25"; expected one of open, mitigated, resolved.'), out.join('\n'));
    for (const line of out.slice(0, -1)) {
      assert.match(line, /^::(error|warning) file=incidents\/[^,:]+(,line=\d+)?,title=Candor::/);
    }
    assert.match(out.at(-1)!, /^12 notes checked: \d+ errors, 2 warnings in 11 notes\.$/);
    const bad = runCli(['check', '--format', 'xml'], { cwd: repo.root });
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--format "xml" is not one of text, github/);
  });

  it('says so when shas cannot be checked outside a repository, and checks the rest', () => {
    const dir = tempDir();
    writeNote(dir, '2026-01-01-no-git', { title: 'No git', head: 'a'.repeat(40), files: [{ path: 'gone.ts' }] });
    const result = runCli(['check'], { cwd: dir });
    assert.strictEqual(result.code, 1);
    assert.match(result.stderr, /^candor: warning: Not a git repository: the commit sha in the notes was not checked\.$/m);
    assert.match(result.stdout, /^incidents\/2026-01-01-no-git\.md:\d+: error: Linked file "gone\.ts" does not exist/m);
    const github = runCli(['check', '--format', 'github'], { cwd: dir });
    assert.match(github.stdout, /^::warning::Not a git repository: the commit sha in the notes was not checked\.$/m);
  });

  it('reports commits missing from a shallow clone as warnings, saying why', () => {
    const origin = TempRepo.create();
    const first = origin.commit('First', { 'a.txt': 'a\n' });
    writeNote(origin.root, '2026-01-01-old', { title: 'Old', head: first });
    origin.commit('Second', { 'b.txt': 'b\n', 'incidents/2026-01-01-old.md': fs.readFileSync(path.join(origin.root, 'incidents/2026-01-01-old.md'), 'utf8') });
    const clone = path.join(tempDir(), 'clone');
    origin.git('clone', '-q', '--depth', '1', `file://${origin.root}`, clone);
    const result = runCli(['check'], { cwd: clone });
    assert.strictEqual(result.code, 0, result.stdout);
    assert.match(result.stdout, new RegExp(`^incidents/2026-01-01-old\\.md:\\d+: warning: Commit ${first} \\(head\\) is not in this repository\\.$`, 'm'));
    assert.match(result.stderr, /The clone is shallow/);
  });

  it('checks the bad-notes fixtures: exit 1, an error for every invalid one, none for the valid ones, no crash', () => {
    const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'bad-notes');
    const cases = JSON.parse(fs.readFileSync(path.join(fixtures, 'cases.json'), 'utf8')) as { file: string; valid: boolean; message?: string }[];
    const repo = TempRepo.create();
    repo.commit('Add cache', { 'src/cache.ts': lines(30, (n) => `export const v${n} = ${n};`) });
    fs.mkdirSync(path.join(repo.root, 'incidents'));
    for (const c of cases) {
      fs.copyFileSync(path.join(fixtures, c.file), path.join(repo.root, 'incidents', c.file));
    }
    fs.symlinkSync(tempDir('candor-outside-'), path.join(repo.root, 'link-out'));
    const started = Date.now();
    const result = runCli(['check'], { cwd: repo.root });
    const ms = Date.now() - started;
    assert.strictEqual(result.code, 1, result.stderr);
    assert.doesNotMatch(result.stderr, /unexpected/);
    const out = stdoutLines(result);
    for (const c of cases) {
      const errors = out.filter((l) => l.startsWith(`incidents/${c.file}`) && / error: /.test(l));
      if (c.file === '2025-01-10-symlink-escape.md') {
        // Valid as a file ("flagged when opened"); check opens linked paths, so it is flagged here.
        assert.deepStrictEqual(errors.map((l) => / error: (.*)/.exec(l)![1]), ['Linked file "link-out/passwd" leads outside the repository; it is never opened.']);
      } else if (c.file === '2025-03-02-huge-line-numbers.md') {
        // Valid as a file; check compares the lines with the file, which has 30.
        assert.deepStrictEqual(errors.map((l) => / error: (Linked lines \S+)/.exec(l)?.[1]), ['Linked lines 1000000000000-2000000000000']);
      } else if (c.valid) {
        assert.deepStrictEqual(errors, [], c.file);
      } else {
        assert.ok(errors.length > 0, `${c.file}: expected an error`);
        assert.match(errors.join('\n'), new RegExp(c.message!, 'i'), c.file);
      }
    }
    assert.match(out.at(-1)!, new RegExp(`^${cases.length} notes checked: \\d+ errors, \\d+ warnings in \\d+ notes\\.$`));
    console.log(`      (check over ${cases.length} fixtures, 5 MB among them: ${ms} ms)`);
  });

  it('checks 1,000 notes with one git process, fast enough for a pre-commit hook', function () {
    this.timeout(120_000);
    const repo = TempRepo.create();
    const shas = Array.from({ length: 20 }, (_, i) => repo.commit(`Commit ${i}`, { [`src/file${i}.ts`]: lines(50, (n) => `const v${n} = ${i};`) }));
    for (let i = 0; i < 1000; i++) {
      const sha = shas[i % shas.length];
      const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      writeNote(repo.root, `${day}-note-${i}`, {
        title: `Note ${i}`, severity: 'high', head: sha, commits: [{ sha, role: 'introduced', subject: 'x' }],
        files: [{ path: `src/file${i % shas.length}.ts`, lines: [3, 9], commit: sha, anchor: 'const v3 = 0;' }], tags: ['bench'],
      }, `## Prevention\n\n- [ ] Follow-up ${i} @ada due:2999-01-01\n- [x] Done\n`);
    }
    const started = Date.now();
    const result = runCli(['check'], { cwd: repo.root, env: { CANDOR_DEBUG: '1' } });
    const ms = Date.now() - started;
    assert.strictEqual(result.code, 0, result.stdout.slice(0, 2000));
    assert.strictEqual(result.stdout, '1000 notes checked: no problems.\n');
    assert.match(result.stderr, /^candor: \d+ ms, 1 git process$/m);
    assert.ok(ms < 10_000, `${ms} ms`);
    console.log(`      (check over 1,000 notes: ${ms} ms wall, ${/candor: (\d+) ms/.exec(result.stderr)![1]} ms inside)`);
  });

  it('reports links to lines the file does not have in the working tree, at the link\'s line', () => {
    const repo = TempRepo.create();
    const base = repo.commit('Add cache', { 'src/cache.ts': lines(30, (n) => `export const v${n} = ${n};`) });
    writeNote(repo.root, '2026-02-01-past-the-end', { title: 'Past the end', files: [{ path: 'src/cache.ts', lines: [5000, 5010], commit: base }] });
    writeNote(repo.root, '2026-02-02-last-line', { title: 'Last line', files: [{ path: 'src/cache.ts', lines: [30, 30], commit: base }] });
    const result = runCli(['check'], { cwd: repo.root });
    assert.strictEqual(result.code, 1, result.stdout);
    const found = stdoutLines(result).filter((l) => /do not exist/.test(l));
    assert.strictEqual(found.length, 1, result.stdout);
    assert.match(found[0], /^incidents\/2026-02-01-past-the-end\.md:\d+: error: Linked lines 5000-5010 of "src\/cache\.ts" do not exist: it has 30 lines in the working tree/);
    assert.doesNotMatch(result.stdout, /2026-02-02-last-line/);
  });
});
