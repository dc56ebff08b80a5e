// `candor respond`, and responses as `check`, `show` and `list --json` know them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli, writeNote } from './helpers/cli';

const ID = '2026-01-05-flushed-the-cache';

function repoWithNote(): TempRepo {
  const repo = TempRepo.create();
  writeNote(repo.root, ID, { title: 'Flushed the cache' });
  return repo;
}

describe('candor respond', () => {
  before(ensureBuilt);

  it('writes one file per response with the git user as author, and show, list --json and check know it', () => {
    const repo = repoWithNote();
    const result = runCli(['respond', ID, '--kind', 'help', '--text', 'I can pair on the guard tomorrow.'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.strictEqual(result.stderr, '');
    const rel = result.stdout.trim();
    assert.match(rel, new RegExp(`^incidents/${ID}/responses/\\d{4}-\\d{2}-\\d{2}T\\d{6}Z-ada-lovelace\\.md$`));
    assert.match(repo.read(rel), new RegExp(`^---\\nnote: ${ID}\\nkind: help\\nauthor: Ada Lovelace <ada@example.com>\\ndate: \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\\n---\\n\\nI can pair on the guard tomorrow.\\n$`));

    const show = runCli(['show', ID], { cwd: repo.root });
    assert.strictEqual(show.code, 0, show.stderr);
    assert.match(show.stdout, /\nResponses \(1\)\n {2}Offer help {2}Ada Lovelace {2}\d{4}-\d{2}-\d{2}\n {4}I can pair on the guard tomorrow\.\n$/);

    const list = JSON.parse(runCli(['list', '--json'], { cwd: repo.root }).stdout) as { id: string; responses: number }[];
    assert.deepStrictEqual(list.map((n) => [n.id, n.responses]), [[ID, 1]]);

    const check = runCli(['check'], { cwd: repo.root });
    assert.strictEqual(check.code, 0, check.stdout);
    assert.strictEqual(check.stdout, '1 note and 1 response checked: no problems.\n');
  });

  it('points out blaming wording on stderr but still writes', () => {
    const repo = repoWithNote();
    const result = runCli(['respond', ID, '--kind', 'question', '--text', 'You should have checked the cache first.'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stderr, /candor: warning: "You should have/);
  });

  it('rejects bad arguments with a usage error and writes nothing', () => {
    const repo = repoWithNote();
    const cases: [string[], RegExp, number][] = [
      [['respond', ID, '--text', 'x'], /--kind is required/, 2],
      [['respond', ID, '--kind', 'praise', '--text', 'x'], /one of thanks, help, question, learning, not "praise"/, 2],
      [['respond', ID, '--kind', 'help'], /--text is required/, 2],
      [['respond', '--kind', 'help', '--text', 'x'], /Which note\?/, 2],
      [['respond', '2026-01-05-flushed-teh-cache', '--kind', 'help', '--text', 'x'], /No note .*Did you mean: 2026-01-05-flushed-the-cache/, 4],
    ];
    for (const [args, message, code] of cases) {
      const result = runCli(args, { cwd: repo.root });
      assert.strictEqual(result.code, code, args.join(' '));
      assert.match(result.stderr, message);
    }
    assert.deepStrictEqual(fs.readdirSync(path.join(repo.root, 'incidents')), [`${ID}.md`]);
  });

  it('check fails on a response whose note does not exist or whose front matter is wrong, with file and line', () => {
    const repo = repoWithNote();
    repo.write('incidents/2026-01-01-gone/responses/2026-01-02T030405Z-grace.md', '---\nnote: 2026-01-01-gone\nkind: thanks\ndate: 2026-01-02T03:04:05Z\n---\n\nThanks.\n');
    repo.write(`incidents/${ID}/responses/2026-01-06T000000Z-alan.md`, `---\nnote: ${ID}\nkind: praise\ndate: 2026-01-06T00:00:00Z\n---\n\nGreat.\n`);
    const check = runCli(['check'], { cwd: repo.root });
    assert.strictEqual(check.code, 1);
    assert.strictEqual(check.stdout, [
      'incidents/2026-01-01-gone/responses/2026-01-02T030405Z-grace.md:2: error: `note` 2026-01-01-gone does not exist: this response answers no note.',
      `incidents/${ID}/responses/2026-01-06T000000Z-alan.md:3: error: \`kind\` "praise" is not one of thanks, help, question, learning.`,
      '1 note and 2 responses checked: 2 errors, 0 warnings in 0 notes and 2 responses.',
      '',
    ].join('\n'));
    const github = runCli(['check', '--format', 'github'], { cwd: repo.root });
    assert.match(github.stdout, /^::error file=incidents\/2026-01-01-gone\/responses\/2026-01-02T030405Z-grace\.md,line=2,title=Candor::/m);
  });

  it('check --wording points out "you should have…" in a response, gently (a warning), and without --wording says nothing', () => {
    const repo = repoWithNote();
    const rel = `incidents/${ID}/responses/2026-01-06T000000Z-alan.md`;
    repo.write(rel, `---\nnote: ${ID}\nkind: question\nauthor: Alan Turing <alan@example.com>\ndate: 2026-01-06T00:00:00Z\n---\n\nThanks for writing it up.\nYou should have asked before flushing.\n`);
    assert.strictEqual(runCli(['check'], { cwd: repo.root }).stdout, '1 note and 1 response checked: no problems.\n');
    const wording = runCli(['check', '--wording'], { cwd: repo.root });
    assert.strictEqual(wording.code, 0, 'a warning does not fail the check');
    assert.match(wording.stdout, new RegExp(`^${rel.replace(/\./g, '\\.')}:9:1: warning: "You should have": Hindsight about what they should have done .*\\[response-you-should-have\\]$`, 'm'));
    assert.strictEqual(runCli(['check', '--wording', '--strict'], { cwd: repo.root }).code, 1);
  });
});
