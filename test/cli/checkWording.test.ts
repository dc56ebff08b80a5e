// `candor check --wording`: wording findings as warnings with line and column, GitHub annotations
// with col=, the exit code (warnings pass, --strict fails), and the team's rules from settings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli, stdoutLines, writeRaw } from './helpers/cli';

const NOTE = [
  '---',
  'id: 2026-02-01-dropped-index',
  'title: Dropped the index',
  'status: open',
  'severity: low',
  '---',
  '',
  '## What happened',
  '',
  'I dropped the wrong index.',
  'The offshore team wrecked the staging database again.',
  'Needless to say, the review process failed.',
  '',
].join('\n');

function repoWithNote(): TempRepo {
  const repo = TempRepo.create();
  repo.commit('Start', { 'a.ts': '1\n' });
  writeRaw(repo.root, '2026-02-01-dropped-index.md', NOTE);
  return repo;
}

describe('candor check --wording', () => {
  before(ensureBuilt);

  it('leaves wording alone without the flag', () => {
    const result = runCli(['check'], { cwd: repoWithNote().root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.strictEqual(result.stdout, '1 note checked: no problems.\n');
  });

  it('reports wording as warnings with line and column, and exits 0 (1 with --strict)', () => {
    const repo = repoWithNote();
    const result = runCli(['check', '--wording'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stdout + result.stderr);
    const out = stdoutLines(result);
    assert.ok(out.some((l) => /^incidents\/2026-02-01-dropped-index\.md:11:\d+: warning: "wrecked": .*\[person-as-cause\]$/.test(l)), out.join('\n'));
    assert.ok(out.some((l) => /^incidents\/2026-02-01-dropped-index\.md:12:1: warning: "Needless to say,": .*\(remove "Needless to say,"\) \[editorialising\]$/.test(l)), out.join('\n'));
    assert.ok(!out.some((l) => /:10:/.test(l)), 'owning the mistake is not flagged');
    assert.strictEqual(out.at(-1), '1 note checked: 0 errors, 2 warnings in 1 note.');
    const strict = runCli(['check', '--wording', '--strict'], { cwd: repo.root });
    assert.strictEqual(strict.code, 1);
    assert.match(strict.stdout, /:11:\d+: error: "wrecked"/);
  });

  it('prints ::warning annotations with file, line and col for --format github', () => {
    const result = runCli(['check', '--wording', '--format', 'github'], { cwd: repoWithNote().root });
    assert.strictEqual(result.code, 0);
    assert.match(result.stdout, /^::warning file=incidents\/2026-02-01-dropped-index\.md,line=11,col=\d+,title=Candor::"wrecked": /m);
    assert.match(result.stdout, /^::warning file=incidents\/2026-02-01-dropped-index\.md,line=12,col=1,title=Candor::/m);
  });

  it("uses the team's rules from .vscode/settings.json: disabled, added, and a broken rule reported", () => {
    const repo = repoWithNote();
    const settings = path.join(repo.root, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({
      'candor.blameless.disabledRules': ['editorialising'],
      'candor.blameless.rules': [{ id: 'no-index', category: 'excuse', pattern: String.raw`\bwrong index\b`, structure: { notSubject: ['person'] }, explanation: 'Say which.' }],
    }));
    const out = stdoutLines(runCli(['check', '--wording'], { cwd: repo.root }));
    assert.ok(out.some((l) => /:10:\d+: warning: "wrong index": Say which\. \[no-index\]$/.test(l)), out.join('\n'));
    assert.ok(!out.some((l) => /editorialising/.test(l)), out.join('\n'));
    fs.writeFileSync(settings, JSON.stringify({ 'candor.blameless.rules': [{ id: 'bad', category: 'excuse', pattern: '(', explanation: 'x' }] }));
    const broken = runCli(['check', '--wording'], { cwd: repo.root });
    assert.match(broken.stderr, /candor\.blameless\.rules: Blameless rule 1 \("bad"\): "pattern" is not a valid regular expression.*The built-in rules are used\./);
    assert.match(broken.stdout, /\[person-as-cause\]/);
  });
});
