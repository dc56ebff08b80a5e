import * as assert from 'assert';
import { addFollowUp, isOverdue, validateFollowUp } from '../../src/core/noteFormat/followUps';
import { commitTimes, findIncidentTrailers, withIncidentTrailer } from '../../src/core/git/trailers';
import { GitRunner } from '../../src/core/git/gitRunner';
import * as fs from 'fs';
import * as path from 'path';
import { computeInsights } from '../../src/core/insights/insights';
import { gatherInsights } from '../../src/core/insights/insightsReport';
import { parseNote } from '../../src/core/noteFormat/noteParser';
import { findTaskItems } from '../../src/core/noteFormat/taskItems';
import { tempDir, TempRepo } from './helpers/tempRepo';

const NOTE = [
  '---', 'id: 2026-01-01-x', 'title: X', '---', '', '## Recovery', '', '## Prevention', '', '- [ ] Existing @ada due:2026-01-05', '', '## Learnings', '', 'Text.', '',
].join('\n');

describe('follow-ups', () => {
  it('adds one at the end of the Prevention list, changing nothing else', () => {
    const out = addFollowUp(NOTE, { text: 'Add a confirmation prompt', owner: '@grace', due: '2026-12-01' });
    assert.strictEqual(out, NOTE.replace('- [ ] Existing @ada due:2026-01-05\n', '- [ ] Existing @ada due:2026-01-05\n- [ ] Add a confirmation prompt @grace due:2026-12-01\n'));
  });

  it('adds one under an empty Recovery section, keeping blank lines around headings', () => {
    const out = addFollowUp(NOTE, { text: 'Restore the backup', section: 'Recovery' });
    assert.strictEqual(out, NOTE.replace('## Recovery\n\n## Prevention', '## Recovery\n\n- [ ] Restore the backup\n\n## Prevention'));
  });

  it('appends the section when the note has none, with its line breaks', () => {
    const crlf = '---\r\nid: x\r\n---\r\nBody\r\n';
    assert.strictEqual(addFollowUp(crlf, { text: 'Do it' }), '---\r\nid: x\r\n---\r\nBody\r\n\r\n## Prevention\r\n\r\n- [ ] Do it\r\n');
  });

  it('validates text, owner and date', () => {
    assert.match(validateFollowUp({ text: '' })!, /needs a text/);
    assert.match(validateFollowUp({ text: 'a', owner: 'two words' })!, /without spaces/);
    assert.match(validateFollowUp({ text: 'a', due: '2026-13-40' })!, /YYYY-MM-DD/);
    assert.throws(() => addFollowUp(NOTE, { text: 'a\nb' }), /one line/);
  });

  it('knows which are overdue', () => {
    const [item] = findTaskItems(NOTE);
    assert.strictEqual(isOverdue(item, '2026-01-06'), true);
    assert.strictEqual(isOverdue(item, '2026-01-05'), false);
    assert.strictEqual(isOverdue({ ...item, done: true }, '2027-01-01'), false);
  });
});

describe('commit trailers', () => {
  it('adds the Incident trailer once, after a blank line or into a trailer block', () => {
    assert.strictEqual(withIncidentTrailer('Fix cache TTL', 'x'), 'Fix cache TTL\n\nIncident: x');
    assert.strictEqual(withIncidentTrailer('Fix\n\nSigned-off-by: A <a@b>', 'x'), 'Fix\n\nSigned-off-by: A <a@b>\nIncident: x');
    assert.strictEqual(withIncidentTrailer('Fix\n\nIncident: x\n', 'x'), 'Fix\n\nIncident: x\n');
    assert.strictEqual(withIncidentTrailer('', 'x'), '\n\nIncident: x');
  });

  it('finds commits naming a note in an Incident trailer over a real history', async () => {
    const repo = TempRepo.create();
    repo.commit('Add cache', { 'a.ts': '1\n' });
    const fix = repo.commit('Fix cache TTL\n\nIncident: 2026-01-01-x', { 'a.ts': '2\n' });
    const both = repo.commit('Guard flushes\n\nReviewed-by: G\nIncident: 2026-01-01-x\nIncident: 2026-02-02-y', { 'a.ts': '3\n' });
    repo.commit('Mentions Incident: 2026-01-01-x in the subject only', { 'a.ts': '4\n' });
    const found = await findIncidentTrailers(new GitRunner({ isTrusted: () => true }), repo.root);
    assert.deepStrictEqual(found.get('2026-01-01-x')?.map((c) => c.sha), [both, fix]);
    assert.deepStrictEqual(found.get('2026-02-02-y')?.map((c) => c.subject), ['Guard flushes']);
  });
});

describe('insights over a real repository with known dates', () => {
  it('computes counts, hotspots, follow-ups and the medians from git times', async () => {
    const repo = TempRepo.create();
    // TempRepo dates commits 2026-01-01T00:00Z + one hour per commit.
    const intro1 = repo.commit('Add cache', { 'src/cache/a.ts': '1\n' }); // 01:00
    const intro2 = repo.commit('Add deploy', { 'deploy/run.sh': '1\n' }); // 02:00
    const fix1 = repo.commit('Fix cache\n\nIncident: 2026-01-01-cache', { 'src/cache/a.ts': '2\n' }); // 03:00
    const git = new GitRunner({ isTrusted: () => true });
    const note = (id: string, fields: string, body = '') => parseNote(`---\nid: ${id}\ntitle: ${id}\n${fields}\n---\n${body}`, `${id}.md`);
    const notes = [
      // Logged 1 h after its introducing commit; fixed by a trailer commit 0.5 h after logging.
      note('2026-01-01-cache', `status: mitigated\nseverity: high\nlogged: 2026-01-01T02:30:00Z\noccurred: 2026-01-01T02:00:00Z\ntags: [cache, prod]\ncommits:\n  - sha: ${intro1}\n    role: introduced\nfiles:\n  - path: src/cache/a.ts`, '- [ ] Add a test due:2026-01-02\n- [x] Restore'),
      // Logged 3 h after; resolved 2 h after logging.
      note('2026-01-01-deploy', `status: resolved\nseverity: low\nlogged: 2026-01-01T05:00:00Z\nresolved: 2026-01-01T07:00:00Z\noccurred: 2026-01-01T04:00:00Z\ntags: [prod]\ncommits:\n  - sha: ${intro2.slice(0, 10)}\n    role: introduced\nfiles:\n  - path: deploy/run.sh\n  - path: src/cache/a.ts`, '- [ ] Document it due:2099-01-01'),
      note('2026-02-01-other', 'status: open\nseverity: low\noccurred: 2026-02-01T00:00:00Z'),
      note('2026-02-02-broken', 'status: nope'),
    ];
    const shas = notes.flatMap((n) => n.note.commits.map((c) => c.sha));
    const facts = { commitTimes: await commitTimes(git, repo.root, [...shas, 'deadbeef']), trailerFixes: await findIncidentTrailers(git, repo.root), today: '2026-03-01' };
    const insights = computeInsights(notes, facts);
    assert.strictEqual(insights.total, 3);
    assert.strictEqual(insights.unreadable, 1);
    assert.deepStrictEqual(insights.byStatus, { open: 1, mitigated: 1, resolved: 1 });
    assert.deepStrictEqual(insights.bySeverity, { 'near-miss': 0, low: 2, medium: 0, high: 1, critical: 0 });
    assert.deepStrictEqual(insights.byMonth, { '2026-01': 2, '2026-02': 1 });
    assert.deepStrictEqual(insights.hotspots.slice(0, 2), [{ path: 'src/', count: 2 }, { path: 'src/cache/', count: 2 }]);
    assert.deepStrictEqual(insights.recurringTags, [{ tag: 'prod', count: 2 }]);
    assert.deepStrictEqual(insights.followUps, { open: 2, overdue: 1, done: 1 });
    assert.strictEqual(insights.medianHoursToLog, 2.3, 'median of 1.5 h and 3 h is 2.25, given to a tenth of an hour');
    assert.strictEqual(insights.medianHoursToFix, 1.3, 'median of 0.5 h (trailer fix) and 2 h (resolved) is 1.25');
    assert.deepStrictEqual(insights.samples, { toLog: 2, toFix: 2 });
    assert.ok(fix1);
  });
});

describe('cancelling long git work', () => {
  /** A stand-in for git that never answers within the test: only a kill ends it. */
  function hangingGit(): { git: GitRunner; root: string } {
    const dir = tempDir();
    const binary = path.join(dir, 'slow-git');
    fs.writeFileSync(binary, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    return { git: new GitRunner({ isTrusted: () => true, binary, timeoutMs: 60_000 }), root: dir };
  }

  it('kills a running git process when its signal is aborted, and rejects', async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    const { git, root } = hangingGit();
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    await assert.rejects(git.run(root, ['log'], [], undefined, controller.signal));
    assert.ok(Date.now() - started < 10_000, `rejected after ${Date.now() - started} ms, not when the process ended by itself`);
  });

  it('starts no git process for a signal aborted already', async () => {
    const { git, root } = hangingGit();
    await assert.rejects(git.run(root, ['log'], [], undefined, AbortSignal.abort()));
    assert.strictEqual(git.processCount, 0);
  });

  it('gives no insights from a cancelled history search (which would read as "no fixes")', async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    const { git, root } = hangingGit();
    const notes = [parseNote('---\nid: a\ntitle: A\nstatus: open\nseverity: low\ncommits:\n  - sha: abcdef1\n    role: introduced\n---\n', 'a.md')];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await assert.rejects(gatherInsights(notes, git, root, '2026-03-01', controller.signal), { name: 'AbortError' });
    assert.ok(Date.now() - started < 10_000);
    // Without a signal, the same notes over a real repository still give figures.
    const repo = TempRepo.create();
    repo.commit('Add', { 'a.ts': '1\n' });
    const figures = await gatherInsights(notes, new GitRunner({ isTrusted: () => true }), repo.root, '2026-03-01');
    assert.strictEqual(figures.total, 1);
  });
});
