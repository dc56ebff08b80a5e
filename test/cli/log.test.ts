// `candor log` writes the same note as the editor's Log Mistake: both go through core logMistake.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { GitRunner } from '../../src/core/git/gitRunner';
import { logMistake } from '../../src/core/noteWriting/logMistake';
import { parseNote } from '../../src/core/noteFormat/noteParser';
import { lines, tempDir, TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli } from './helpers/cli';

function readNote(file: string) {
  return parseNote(fs.readFileSync(file, 'utf8'), path.basename(file));
}

function cacheRepo(): { repo: TempRepo; tuned: string } {
  const repo = TempRepo.create();
  repo.commit('Add cache', { 'src/cache.ts': lines(20, (n) => `const a${n} = ${n};`) });
  const tuned = repo.commit('Tune cache TTL', { 'src/cache.ts': lines(20, (n) => (n === 12 ? 'const ttl = 0;' : `const a${n} = ${n};`)) });
  return { repo, tuned };
}

describe('candor log', () => {
  before(ensureBuilt);

  it('writes the note core logMistake writes: blame attribution, slug, sections; prints its path', async () => {
    const { repo, tuned } = cacheRepo();
    const result = runCli([
      'log', '--title', 'Flushed the production cache', '--severity', 'high', '--file', 'src/cache.ts:12',
      '--trying-to', 'Clear one stale key', '--action', 'Ran FLUSHALL on prod', '--outcome', 'Every key was gone',
    ], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout, /^incidents\/\d{4}-\d{2}-\d{2}-flushed-the-production-cache\.md\n$/);
    assert.strictEqual(result.stderr, '');
    const cli = readNote(path.join(repo.root, result.stdout.trim()));
    assert.deepStrictEqual(cli.problems, []);
    assert.strictEqual(cli.note.author, 'Ada Lovelace <ada@example.com>');
    assert.strictEqual(cli.note.branch, 'main');
    assert.strictEqual(cli.note.head, tuned);
    assert.deepStrictEqual(cli.note.commits, [{ sha: tuned, role: 'history', subject: 'Tune cache TTL' }]);
    assert.deepStrictEqual(cli.note.files, [{ path: 'src/cache.ts', lines: [12, 12], commit: tuned, anchor: 'const ttl = 0;' }]);

    // The same request through the core: the same note, but for the times.
    const core = await logMistake(new GitRunner({ isTrusted: () => true }), {
      title: 'Flushed the production cache', severity: 'high', tryingTo: 'Clear one stale key', action: 'Ran FLUSHALL on prod',
      outcome: 'Every key was gone', folder: repo.root, incidentsDir: path.join(repo.root, 'core-notes'),
      files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: 12, endLine: 12 }], commits: [],
    });
    const expected = readNote(core.note.path).note;
    assert.strictEqual(path.basename(core.note.path), path.basename(result.stdout.trim()));
    assert.deepStrictEqual({ ...cli.note, occurred: undefined, logged: undefined }, { ...expected, occurred: undefined, logged: undefined });
  });

  it('takes paths relative to the current directory, whole files and ranges, and links --commit as related', () => {
    const { repo } = cacheRepo();
    const readme = repo.commit('Add README', { 'README.md': 'hello\n' });
    const result = runCli(['log', '--title', 'Über-naïve cache', '--file', 'cache.ts:2-4', '--file', '../README.md', '--commit', readme.slice(0, 10)], {
      cwd: path.join(repo.root, 'src'),
    });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout.trim(), /^\.\.\/incidents\/\d{4}-\d{2}-\d{2}-uber-naive-cache\.md$/);
    const note = readNote(path.resolve(repo.root, 'src', result.stdout.trim())).note;
    assert.deepStrictEqual(note.files.map((f) => [f.path, f.lines]), [['src/cache.ts', [2, 4]], ['README.md', undefined]]);
    assert.deepStrictEqual(note.commits.map((c) => [c.role, c.subject]), [['history', 'Add cache'], ['related', 'Add README']]);
    assert.strictEqual(note.commits[1].sha, readme);
  });

  it('never overwrites: the same title twice gets -2', () => {
    const { repo } = cacheRepo();
    const a = runCli(['log', '--title', 'Twice'], { cwd: repo.root });
    const b = runCli(['log', '--title', 'Twice'], { cwd: repo.root });
    assert.strictEqual(a.code, 0);
    assert.strictEqual(b.code, 0);
    assert.strictEqual(b.stdout.trim(), a.stdout.trim().replace(/\.md$/, '-2.md'));
  });

  it('reports what it could not link on stderr and still writes the note', () => {
    const { repo } = cacheRepo();
    repo.write('new.ts', 'fresh\n');
    const result = runCli(['log', '--title', 'Unknown commit', '--commit', 'deadbeefdeadbeef', '--file', 'new.ts:1'], { cwd: repo.root });
    assert.strictEqual(result.code, 0);
    assert.match(result.stderr, /warning: Commit deadbeefdeadbeef is not in this repository: not linked\./);
    assert.match(result.stderr, /new\.ts is not tracked by git/);
    assert.ok(fs.existsSync(path.join(repo.root, result.stdout.trim())));
  });

  it('works outside a git repository, like the editor: files and lines, no git data', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'one\ntwo\nthree\n');
    const result = runCli(['log', '--title', 'No repository here', '--file', 'notes.txt:2'], { cwd: dir });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stderr, /Not a git repository/);
    const note = readNote(path.join(dir, result.stdout.trim())).note;
    assert.strictEqual(note.branch, undefined);
    assert.strictEqual(note.head, undefined);
    assert.deepStrictEqual(note.files, [{ path: 'notes.txt', lines: [2, 2], anchor: 'two' }]);
  });

  it('reads candor.incidentsFolder and candor.defaultSeverity from .vscode/settings.json with comments and trailing commas', () => {
    const { repo } = cacheRepo();
    repo.write('.vscode/settings.json', [
      '{',
      '  // Where our notes live',
      '  "candor.incidentsFolder": "docs/incidents", /* not "incidents" */',
      '  "candor.defaultSeverity": "low",',
      '  "editor.rulers": [100,],',
      '  "a.url": "https://example.com/x//y",',
      '}',
    ].join('\n'));
    const result = runCli(['log', '--title', 'Settings are read'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout, /^docs\/incidents\/.*-settings-are-read\.md\n$/);
    assert.strictEqual(readNote(path.join(repo.root, result.stdout.trim())).note.severity, 'low');
    // --dir wins over the setting.
    const dir = runCli(['log', '--title', 'Elsewhere', '--dir', 'other'], { cwd: repo.root });
    assert.match(dir.stdout, /^other\/.*-elsewhere\.md\n$/);
  });

  it('ignores a malformed settings file with a warning, and refuses a folder outside the repository', () => {
    const { repo } = cacheRepo();
    repo.write('.vscode/settings.json', '{ "candor.incidentsFolder": "x" /* never closed ');
    const malformed = runCli(['log', '--title', 'Malformed settings'], { cwd: repo.root });
    assert.strictEqual(malformed.code, 0);
    assert.match(malformed.stderr, /warning: Ignoring \.vscode\/settings\.json: it is not valid JSON/);
    assert.match(malformed.stdout, /^incidents\//);

    repo.write('.vscode/settings.json', '{ "candor.incidentsFolder": "../outside" }');
    const outside = runCli(['log', '--title', 'Outside'], { cwd: repo.root });
    assert.strictEqual(outside.code, 3);
    assert.match(outside.stderr, /must be a folder inside/);

    fs.rmSync(path.join(repo.root, '.vscode'), { recursive: true });
    const dir = runCli(['log', '--title', 'Outside', '--dir', '../elsewhere'], { cwd: repo.root });
    assert.strictEqual(dir.code, 2);
    assert.match(dir.stderr, /must be inside the repository/);
  });

  it('exits 3 when the incidents folder is a file', () => {
    const { repo } = cacheRepo();
    repo.write('incidents', 'not a folder\n');
    const result = runCli(['log', '--title', 'Nowhere to go'], { cwd: repo.root });
    assert.strictEqual(result.code, 3);
    assert.match(result.stderr, /^candor: incidents is not a folder: notes cannot be written into it\.$/m);
  });

  it('refuses bad input with exit code 2 and writes nothing', () => {
    const { repo } = cacheRepo();
    // A sibling folder of the repository, so ../ reaches it.
    const outside = path.join(path.dirname(repo.root), `${path.basename(repo.root)}-outside`);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'one\n');
    const cases: [string[], RegExp][] = [
      [['log'], /A title is required/],
      [['log', '--title', '   '], /A title is required/],
      [['log', '--title', 'x'.repeat(201)], /201 characters long/],
      [['log', '--title', 'x', '--severity', 'huge'], /--severity "huge" is not one of near-miss, low, medium, high, critical/],
      [['log', '--title', 'x', '--file', 'src/nope.ts'], /src\/nope\.ts does not exist/],
      [['log', '--title', 'x', '--file', 'src/cache.ts:9-3'], /1 <= first <= last/],
      [['log', '--title', 'x', '--file', 'src'], /not a file/],
      // Past the end of the 20-line file: refused, as in the editor, never cut to fit.
      [['log', '--title', 'x', '--file', 'src/cache.ts:5000-5010'], /src\/cache\.ts has 20 lines; the range must end at 20 or before/],
      [['log', '--title', 'x', '--file', 'src/cache.ts:18-21'], /has 20 lines/],
      // Outside the repository: refused like a mistyped path.
      [['log', '--title', 'x', '--file', `../${path.basename(outside)}/secret.txt`], /is outside the repository/],
      [['log', '--title', 'x', '--file', path.join(outside, 'secret.txt:1')], /is outside the repository/],
      [['log', '--title'], /--title needs a value/],
      [['log', 'Loose title'], /the title goes in --title/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args, { cwd: repo.root });
      assert.strictEqual(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, args.join(' '));
      assert.match(result.stderr, /Run "candor log --help" for usage\./);
      assert.strictEqual(result.stdout, '');
    }
    assert.ok(!fs.existsSync(path.join(repo.root, 'incidents')));
  });
  it('records --tag, repeated or with commas, without repeats; refuses a tag that is not one word', () => {
    const { repo } = cacheRepo();
    const result = runCli(['log', '--title', 'Tagged', '--tag', 'cache', '--tag', 'prod,cache'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.deepStrictEqual(readNote(path.join(repo.root, result.stdout.trim())).note.tags, ['cache', 'prod']);
    const bad = runCli(['log', '--title', 'Bad tag', '--tag', 'two words'], { cwd: repo.root });
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /The tag "two words" must be one word/);
  });
});
