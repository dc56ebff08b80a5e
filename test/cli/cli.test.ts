// The command line itself: help for every command, the version, usage errors, colour rules.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../../src/cli/commandTable';
import { TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, REPO, runCli, writeNote } from './helpers/cli';

const ANSI = /\u001b\[/;

describe('candor (the command line)', () => {
  before(ensureBuilt);

  it('prints global help with every command and the exit codes', () => {
    const dir = TempRepo.create({ init: false }).root;
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = runCli(args, { cwd: dir });
      assert.strictEqual(result.code, 0, args.join(' '));
      assert.match(result.stdout, /^candor \d+\.\d+\.\d+: /);
      for (const c of COMMANDS) {
        assert.match(result.stdout, new RegExp(`\\n {2}${c.name} +${c.summary.replace(/[()]/g, '\\$&')}\\n`));
      }
      assert.match(result.stdout, /Exit codes:\n {2}0 +success\n {2}1 +check found errors in notes\n {2}2 +usage error/);
    }
    assert.deepStrictEqual(COMMANDS.map((c) => c.name), ['log', 'list', 'show', 'status', 'check', 'review', 'disclose', 'stats', 'respond', 'similar', 'site', 'digest', 'reviewed']);
  });

  it('prints help for every command, listing each of its options', function () {
    this.timeout(120_000); // three runs of the CLI per command
    const dir = TempRepo.create({ init: false }).root;
    for (const command of COMMANDS) {
      for (const args of [[command.name, '--help'], [command.name, '-h'], ['help', command.name]]) {
        const result = runCli(args, { cwd: dir });
        assert.strictEqual(result.code, 0, args.join(' '));
        assert.ok(result.stdout.startsWith(`Usage: candor ${command.name}`), result.stdout);
        for (const option of [...Object.keys(command.options), 'help', 'no-color']) {
          assert.match(result.stdout, new RegExp(`\\n {2}(-\\w, )?--${option}\\b`), `${command.name} --help lists --${option}`);
        }
      }
    }
  });

  it('prints the version of package.json', () => {
    const version = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    const result = runCli(['--version'], { cwd: REPO });
    assert.deepStrictEqual([result.code, result.stdout], [0, `${version}\n`]);
  });

  it('exits 2 with a hint on usage errors: no command, unknown command, unknown option', () => {
    const dir = TempRepo.create({ init: false }).root;
    const none = runCli([], { cwd: dir });
    assert.strictEqual(none.code, 2);
    assert.match(none.stderr, /Usage: candor <command>/);
    assert.strictEqual(none.stdout, '');

    const unknown = runCli(['lsit'], { cwd: dir });
    assert.strictEqual(unknown.code, 2);
    assert.strictEqual(unknown.stderr, 'candor: Unknown command "lsit". Did you mean: list?\nRun "candor --help" for usage.\n');

    const option = runCli(['list', '--bogus'], { cwd: dir });
    assert.strictEqual(option.code, 2);
    assert.strictEqual(option.stderr, 'candor: Unknown option --bogus.\nRun "candor list --help" for usage.\n');

    const first = runCli(['--bogus'], { cwd: dir });
    assert.strictEqual(first.code, 2);
    assert.match(first.stderr, /Unknown option --bogus/);
  });

  it('colours only when asked on a pipe (FORCE_COLOR), never with NO_COLOR or --no-color', () => {
    const repo = TempRepo.create();
    writeNote(repo.root, '2026-01-01-colour', { title: 'Colour', severity: 'critical' });
    assert.doesNotMatch(runCli(['list'], { cwd: repo.root }).stdout, ANSI, 'a pipe gets no colour');
    assert.match(runCli(['list'], { cwd: repo.root, env: { FORCE_COLOR: '1' } }).stdout, ANSI);
    assert.doesNotMatch(runCli(['list'], { cwd: repo.root, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, ANSI);
    assert.doesNotMatch(runCli(['list', '--no-color'], { cwd: repo.root, env: { FORCE_COLOR: '1' } }).stdout, ANSI);
    assert.doesNotMatch(runCli(['--no-color', 'list'], { cwd: repo.root, env: { FORCE_COLOR: '1' } }).stdout, ANSI);
    for (const args of [['show', '2026-01-01-colour'], ['check'], ['show', 'nope']]) {
      const result = runCli(args, { cwd: repo.root, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
      assert.doesNotMatch(result.stdout + result.stderr, ANSI, args.join(' '));
    }
  });
});

describe('candor disclose and stats', () => {
  before(ensureBuilt);

  it('drafts the disclosure of a note, in Markdown or plain text', () => {
    const repo = TempRepo.create();
    writeNote(repo.root, '2026-01-01-flushed', { title: 'Flushed the cache', severity: 'high' }, '## What I did\n\nRan **FLUSHALL** on prod\n');
    const markdown = runCli(['disclose', '2026-01-01-flushed'], { cwd: repo.root });
    assert.strictEqual(markdown.code, 0, markdown.stderr);
    assert.match(markdown.stdout, /I made a mistake: Flushed the cache/);
    assert.match(markdown.stdout, /Ran \*\*FLUSHALL\*\* on prod/);
    const text = runCli(['disclose', '2026-01-01-flushed', '--format', 'text'], { cwd: repo.root });
    assert.strictEqual(text.code, 0, text.stderr);
    assert.match(text.stdout, /Ran FLUSHALL on prod/);
    assert.doesNotMatch(text.stdout, /\*\*/);
    assert.strictEqual(runCli(['disclose', 'nope'], { cwd: repo.root }).code, 4);
    assert.strictEqual(runCli(['disclose', '2026-01-01-flushed', '--format', 'pdf'], { cwd: repo.root }).code, 2);
  });

  it('uses the team template, and exits 3 with its line when the template is broken', () => {
    const repo = TempRepo.create();
    writeNote(repo.root, '2026-01-01-flushed', { title: 'Flushed the cache' });
    repo.write('.candor/disclosure.md', 'Subject: Owning it: {{title}}\n\nSeverity {{severity}}.\n');
    const result = runCli(['disclose', '2026-01-01-flushed', '--format', 'text'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Owning it: Flushed the cache\n\nSeverity medium\.\n$/);
    repo.write('.candor/disclosure.md', 'Hello\n{{nonsense}}\n');
    const broken = runCli(['disclose', '2026-01-01-flushed'], { cwd: repo.root });
    assert.strictEqual(broken.code, 3);
    assert.match(broken.stderr, /^candor: \.candor\/disclosure\.md:2: /);
  });

  it('prints insights as Markdown, or JSON', () => {
    const repo = TempRepo.create();
    writeNote(repo.root, '2026-01-01-a', { title: 'A', severity: 'high', tags: ['cache'] }, '- [ ] Guard due:2000-01-01\n');
    writeNote(repo.root, '2026-02-01-b', { title: 'B', severity: 'low', status: 'resolved', tags: ['cache'] });
    const markdown = runCli(['stats'], { cwd: repo.root });
    assert.strictEqual(markdown.code, 0, markdown.stderr);
    assert.match(markdown.stdout, /^# Incident insights\n/);
    const json = JSON.parse(runCli(['stats', '--json'], { cwd: repo.root }).stdout) as { total: number; followUps: { overdue: number } };
    assert.strictEqual(json.total, 2);
    assert.strictEqual(json.followUps.overdue, 1);
  });
});
