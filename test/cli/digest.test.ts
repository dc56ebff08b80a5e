// `candor digest` and `candor reviewed` through the built CLI: both formats, the period options,
// bad dates and missing folders with their exit codes, and marking notes reviewed byte for byte.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli, writeRaw } from './helpers/cli';

function note(id: string, logged: string, extra = '', body = ''): string {
  return `---\nid: ${id}\ntitle: ${id} title\nstatus: open\nseverity: high\nlogged: ${logged}\n${extra}tags: [cache]\n---\n\n${body}`;
}

const LEARNINGS = '## What I was trying to do\n\nClear one key.\n\n## Learnings\n\nScope the flush.\n\n- [ ] Add a prompt @grace due:2026-11-01\n';

describe('candor digest', () => {
  before(ensureBuilt);

  it('prints the period\'s digest as Markdown and as JSON', function () {
    this.timeout(60_000); // three runs of the CLI
    const repo = TempRepo.create();
    writeRaw(repo.root, '2026-11-03-flushed.md', note('2026-11-03-flushed', '2026-11-03T10:00:00Z', '', LEARNINGS));
    writeRaw(repo.root, '2026-10-01-older.md', note('2026-10-01-older', '2026-10-01T10:00:00Z'));
    const args = ['digest', '--since', '2026-11-01T00:00:00Z', '--until', '2026-11-05T00:00:00Z'];
    const markdown = runCli(args, { cwd: repo.root });
    assert.strictEqual(markdown.code, 0, markdown.stderr);
    assert.match(markdown.stdout, /^# Learning review: 2026-11-0\d to 2026-11-0\d\n/);
    assert.match(markdown.stdout, /\*\*What was I trying to do\?\*\*\n\nClear one key\./);
    assert.match(markdown.stdout, /\*\*How did the result differ from what I expected\?\*\*\n\n_Not written yet\._/);
    assert.match(markdown.stdout, /Grace was to add a prompt by 1 November; it is not done yet\./);
    assert.doesNotMatch(markdown.stdout, /2026-10-01-older title/);

    for (const jsonArgs of [[...args, '--format', 'json'], [...args, '--json']]) {
      const result = runCli(jsonArgs, { cwd: repo.root });
      assert.strictEqual(result.code, 0, result.stderr);
      const json = JSON.parse(result.stdout) as Record<string, unknown>;
      assert.deepStrictEqual(json, {
        since: '2026-11-01T00:00:00Z',
        until: '2026-11-05T00:00:00Z',
        notes: [{ id: '2026-11-03-flushed', title: '2026-11-03-flushed title', severity: 'high', status: 'open', learnings: 'Scope the flush.\n\n- [ ] Add a prompt @grace due:2026-11-01', responses: [] }],
        followUps: {
          // Untracked, so dated by its note: opened in the period.
          opened: [{ note: '2026-11-03-flushed', line: 18, text: 'Add a prompt @grace due:2026-11-01', owner: 'grace', due: '2026-11-01', sentence: 'Grace was to add a prompt by 1 November; it is not done yet.' }],
          done: [],
          overdue: [{ note: '2026-11-03-flushed', line: 18, text: 'Add a prompt @grace due:2026-11-01', owner: 'grace', due: '2026-11-01', sentence: 'Grace was to add a prompt by 1 November; it is not done yet.' }],
        },
        resolved: [],
        recurringTags: [{ tag: 'cache', count: 2 }],
        anniversaries: [],
      });
    }
  });

  it('starts from the latest review by default, which candor reviewed writes', () => {
    const repo = TempRepo.create();
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    writeRaw(repo.root, 'a.md', note('a', day(10)));
    writeRaw(repo.root, 'b.md', note('b', day(3)));
    const ids = (): string[] => (JSON.parse(runCli(['digest', '--format', 'json'], { cwd: repo.root }).stdout) as { notes: { id: string }[] }).notes.map((n) => n.id);
    assert.deepStrictEqual(ids(), ['a', 'b']);
    const marked = runCli(['reviewed', 'a', '--at', day(5)], { cwd: repo.root });
    assert.deepStrictEqual([marked.code, marked.stdout, marked.stderr], [0, 'incidents/a.md\n', '']);
    assert.deepStrictEqual(ids(), ['b']);
  });

  it('exits 2 on a bad date or format, 3 without an incidents folder or notes', function () {
    this.timeout(90_000); // ten runs of the CLI
    const repo = TempRepo.create();
    writeRaw(repo.root, 'a.md', note('a', '2026-11-03T10:00:00Z'));
    for (const [args, message] of [
      [['--since', 'yesterday'], /--since "yesterday" is not a date: use YYYY-MM-DD/],
      [['--since', '2026-02-30'], /is not a date/],
      [['--until', '2026-11-01', '--since', '2026-11-05'], /--since 2026-11-05 is after --until 2026-11-01/],
      [['--since', '2999-01-01'], /is in the future/],
      [['--format', 'html'], /--format "html" is not one of markdown, json/],
      [['--since'], /--since needs a value/],
      [['extra'], /Unexpected argument "extra"/],
    ] as [string[], RegExp][]) {
      const result = runCli(['digest', ...args], { cwd: repo.root });
      assert.strictEqual(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.strictEqual(result.stdout, '');
    }
    const bare = TempRepo.create({ init: false });
    assert.strictEqual(runCli(['digest'], { cwd: bare.root }).code, 3);
    fs.mkdirSync(path.join(bare.root, 'incidents'));
    const empty = runCli(['digest'], { cwd: bare.root });
    assert.strictEqual(empty.code, 3);
    assert.match(empty.stderr, /No notes in incidents yet/);
  });
});

describe('candor reviewed', () => {
  before(ensureBuilt);

  it('adds or replaces the one reviewed line and changes no other byte', () => {
    const repo = TempRepo.create();
    const text = '---\r\nid: a\r\ntitle:   "Spacing kept"   # a comment\r\nstatus: open\r\nunknown: kept\r\ntags: [x]\r\n---\r\n\r\nBody  \r\n';
    const file = writeRaw(repo.root, 'a.md', text);
    const first = runCli(['reviewed', 'a', '--at', '2026-11-20T10:00:00Z'], { cwd: repo.root });
    assert.strictEqual(first.code, 0, first.stderr);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text.replace('tags: [x]\r\n', 'tags: [x]\r\nreviewed: 2026-11-20T10:00:00Z\r\n'));
    assert.strictEqual(runCli(['reviewed', 'incidents/a.md', '--at', '2026-12-01T09:00:00Z'], { cwd: repo.root }).code, 0);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text.replace('tags: [x]\r\n', 'tags: [x]\r\nreviewed: 2026-12-01T09:00:00Z\r\n'));
    assert.strictEqual(runCli(['check'], { cwd: repo.root }).code, 0);
  });

  it('checks every id first, refuses a bad --at, and candor check reports a bad reviewed value', function () {
    this.timeout(60_000); // five runs of the CLI
    const repo = TempRepo.create();
    const file = writeRaw(repo.root, 'a.md', note('a', '2026-11-03T10:00:00Z'));
    const before = fs.readFileSync(file, 'utf8');
    const unknown = runCli(['reviewed', 'a', 'nope'], { cwd: repo.root });
    assert.strictEqual(unknown.code, 4);
    assert.strictEqual(runCli(['reviewed', 'a', '--at', 'soon'], { cwd: repo.root }).code, 2);
    assert.strictEqual(runCli(['reviewed'], { cwd: repo.root }).code, 2);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), before);
    writeRaw(repo.root, 'b.md', note('b', '2026-11-03T10:00:00Z', 'reviewed: last tuesday\n'));
    const check = runCli(['check'], { cwd: repo.root });
    assert.strictEqual(check.code, 1);
    assert.match(check.stdout + check.stderr, /`reviewed` is not a date and time: "last tuesday"/);
  });
});
