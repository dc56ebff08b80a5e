// The learning-review digest, against real git repositories in temp folders: the period and its
// boundaries, the default start from `reviewed:` dates, follow-ups opened / done / overdue (dated
// by git blame, or by their note without git), responses, resolved notes, what keeps coming back,
// anniversaries, masking, and the JSON shape scripts rely on.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildDigest, type DigestInput } from '../../src/core/digest/buildDigest';
import { digestJson, digestNoteIds } from '../../src/core/digest/digestModel';
import { digestMarkdown, THREE_QUESTIONS } from '../../src/core/digest/digestMarkdown';
import { digestPeriod, firstAnniversary, parseDigestDate } from '../../src/core/digest/digestPeriod';
import { addLines } from '../../src/core/digest/followUpDates';
import { GitRunner } from '../../src/core/git/gitRunner';
import { NoteIndex } from '../../src/core/noteIndex/noteIndex';
import { updateNoteFile } from '../../src/core/noteWriting/safeNoteSave';
import { writeResponse } from '../../src/core/responses/responseStore';
import { TempRepo } from './helpers/tempRepo';

interface NoteSpec {
  title?: string;
  logged: string;
  status?: string;
  severity?: string;
  resolved?: string;
  reviewed?: string;
  tags?: string[];
  files?: string[];
  body?: string;
}

function noteText(id: string, spec: NoteSpec): string {
  const lines = [
    '---',
    `id: ${id}`,
    `title: ${spec.title ?? id}`,
    `status: ${spec.status ?? 'open'}`,
    `severity: ${spec.severity ?? 'medium'}`,
    'author: Ada Lovelace',
    `occurred: ${spec.logged}`,
    `logged: ${spec.logged}`,
    ...(spec.resolved ? [`resolved: ${spec.resolved}`] : []),
    ...(spec.reviewed ? [`reviewed: ${spec.reviewed}`] : []),
    ...(spec.files && spec.files.length > 0 ? ['files:', ...spec.files.map((f) => `  - path: ${f}`)] : []),
    `tags: [${(spec.tags ?? []).join(', ')}]`,
    '---',
    '',
  ];
  return `${lines.join('\n')}${spec.body ?? ''}`;
}

const ANSWERS = `## What I was trying to do

Clear one stale key.

## What I did

Ran FLUSHALL on the production cache.

## What happened instead

Every session was dropped.

## Learnings

Scope destructive commands to one key.
`;

async function notesOf(repo: TempRepo): Promise<DigestInput['notes']> {
  const index = new NoteIndex(path.join(repo.root, 'incidents'));
  await index.scan();
  return index.list();
}

const git = new GitRunner({ isTrusted: () => true });

async function digestOf(repo: TempRepo, options: Partial<DigestInput> = {}) {
  return buildDigest({ notes: await notesOf(repo), incidentsDir: path.join(repo.root, 'incidents'), git, root: repo.root, ...options });
}

describe('the learning-review digest', () => {
  it('reads dates as a person types them, and refuses what is not a date', () => {
    assert.strictEqual(parseDigestDate('2026-11-21')?.getTime(), new Date(2026, 10, 21).getTime());
    assert.strictEqual(parseDigestDate('2026-11-21T09:30:00Z')?.toISOString(), '2026-11-21T09:30:00.000Z');
    assert.strictEqual(parseDigestDate('2026-11-21T10:30+01:00')?.toISOString(), '2026-11-21T09:30:00.000Z');
    for (const bad of ['yesterday', '2026-13-01', '2026-02-30', '2026-02-30T10:00:00Z', '12/01/2026', '', '1', '2026-11-21T25:00:00Z']) {
      assert.strictEqual(parseDigestDate(bad), undefined, bad);
    }
  });

  it('starts at the latest review at or before its end, else 14 days back, and refuses a start after the end', () => {
    const until = new Date('2026-12-05T12:00:00Z');
    const notes = [{ reviewed: '2026-11-20T10:00:00Z' }, { reviewed: '2026-11-28T16:00:00Z' }, { reviewed: '2026-12-09T10:00:00Z' }, {}];
    assert.deepStrictEqual(digestPeriod(notes, { until }), { since: new Date('2026-11-28T16:00:00Z'), until, sinceFrom: 'reviewed' });
    assert.deepStrictEqual(digestPeriod([{}, { reviewed: 'not a date' }], { until }), { since: new Date('2026-11-21T12:00:00Z'), until, sinceFrom: 'default' });
    assert.strictEqual(digestPeriod(notes, { until, since: new Date('2026-11-01T00:00:00Z') }).sinceFrom, 'given');
    assert.throws(() => digestPeriod([], { until, since: new Date('2026-12-06T00:00:00Z') }), /after its end/);
  });

  it('takes the notes logged in the period, both ends included, with their answers, Learnings and responses', async () => {
    const repo = TempRepo.create();
    const ids = ['2026-11-30-before', '2026-12-01-at-start', '2026-12-03-inside', '2026-12-05-at-end', '2026-12-06-after'];
    const times = ['2026-11-30T23:59:59Z', '2026-12-01T00:00:00Z', '2026-12-03T10:00:00Z', '2026-12-05T12:00:00Z', '2026-12-05T12:00:01Z'];
    ids.forEach((id, i) => repo.write(`incidents/${id}.md`, noteText(id, { logged: times[i], body: i === 2 ? ANSWERS : '' })));
    const incidents = path.join(repo.root, 'incidents');
    await writeResponse(incidents, '2026-12-03-inside', { kind: 'thanks', text: 'Thank you for telling us. What do you need from me?', author: 'Grace Hopper <grace@example.com>', date: new Date('2026-12-04T09:00:00Z') });
    // An earlier note answered in the period is listed for its response; one answered before it is not.
    await writeResponse(incidents, '2026-11-30-before', { kind: 'question', text: 'Which key was it?', author: 'Grace', date: new Date('2026-12-02T09:00:00Z') });
    await writeResponse(incidents, '2026-11-30-before', { kind: 'help', text: 'Old offer.', author: 'Grace', date: new Date('2026-11-15T09:00:00Z') });

    const digest = await digestOf(repo, { since: new Date('2026-12-01T00:00:00Z'), until: new Date('2026-12-05T12:00:00Z') });
    assert.deepStrictEqual(digest.notes.map((n) => [n.id, n.isNew]), [
      ['2026-12-01-at-start', true], ['2026-12-03-inside', true], ['2026-12-05-at-end', true], ['2026-11-30-before', false],
    ]);
    const inside = digest.notes[1];
    assert.strictEqual(inside.learnings, 'Scope destructive commands to one key.');
    assert.deepStrictEqual(inside.answers, { tryingTo: 'Clear one stale key.', action: 'Ran FLUSHALL on the production cache.', outcome: 'Every session was dropped.' });
    assert.deepStrictEqual(inside.responses, [{ kind: 'thanks', author: 'Grace Hopper <grace@example.com>', date: '2026-12-04T09:00:00Z', text: 'Thank you for telling us. What do you need from me?' }]);
    assert.strictEqual(digest.notes[0].learnings, null);
    assert.deepStrictEqual(digest.notes[3].responses.map((r) => r.text), ['Which key was it?']);

    const markdown = digestMarkdown(digest);
    for (const question of THREE_QUESTIONS) {
      assert.ok(markdown.includes(`**${question}**`), question);
    }
    assert.match(markdown, /## New notes \(3\)/);
    assert.match(markdown, /Ran FLUSHALL on the production cache\./);
    assert.match(markdown, /- Thanks from Grace Hopper \(2026-12-04\): Thank you for telling us/);
    assert.match(markdown, /## Responses to earlier notes\n\n### 2026-11-30-before/);
  });

  it('dates follow-ups by git history: opened and done in the period, overdue whenever opened, with owners and sentences', async () => {
    const repo = TempRepo.create();
    const id = '2025-12-30-dropped-sessions';
    const base = (items: string) => noteText(id, { logged: '2025-12-30T10:00:00Z', body: `## Prevention\n\n${items}` });
    // TempRepo commits are an hour apart from 2026-01-01T00:00Z: the first at 01:00, the second at 02:00.
    repo.commit('Log the note', { [`incidents/${id}.md`]: base('- [ ] Add a confirm prompt @grace due:2026-01-20\n- [ ] Write the runbook @ada due:2025-12-31\n') });
    repo.commit('Tick one, add one', { [`incidents/${id}.md`]: base('- [x] Add a confirm prompt @grace due:2026-01-20\n- [ ] Write the runbook @ada due:2025-12-31\n- [ ] Alert on mass eviction\n') });

    const digest = await digestOf(repo, { since: new Date('2026-01-01T01:30:00Z'), until: new Date('2026-01-03T12:00:00Z') });
    assert.ok(digest.datedByGit);
    assert.deepStrictEqual(digest.followUps.done.map((f) => [f.text, f.owner, f.line]), [['Add a confirm prompt @grace due:2026-01-20', 'grace', 13]]);
    assert.deepStrictEqual(digest.followUps.opened.map((f) => [f.text, f.owner, f.due]), [['Alert on mass eviction', null, null]]);
    assert.deepStrictEqual(digest.followUps.overdue.map((f) => [f.note, f.owner, f.due, f.sentence]), [
      [id, 'ada', '2025-12-31', 'Ada was to write the runbook by 31 December 2025; it is not done yet.'],
    ]);

    // A period that ended before the second commit: the runbook was opened in it; the prompt, opened
    // then too, is listed by what happened to it last (ticked later), so in neither list.
    const earlier = await digestOf(repo, { since: new Date('2026-01-01T00:30:00Z'), until: new Date('2026-01-01T01:30:00Z') });
    assert.deepStrictEqual(earlier.followUps.opened.map((f) => f.owner), ['ada']);
    assert.deepStrictEqual(earlier.followUps.done, []);

    // A tick not committed yet is dated now.
    repo.write(`incidents/${id}.md`, base('- [x] Add a confirm prompt @grace due:2026-01-20\n- [x] Write the runbook @ada due:2025-12-31\n- [ ] Alert on mass eviction\n'));
    const current = await digestOf(repo, { since: new Date(Date.now() - 60_000), until: new Date(Date.now() + 60_000) });
    assert.deepStrictEqual([current.followUps.done.map((f) => f.owner), current.followUps.opened], [['ada'], []]);

    const markdown = digestMarkdown(digest);
    assert.match(markdown, /### Overdue \(1\)\n\n- Ada was to write the runbook by 31 December 2025; it is not done yet\. \(owner: @ada\)/);
    assert.match(markdown, /### Done \(1\)\n\n- Done: Add a confirm prompt\./);
  });

  it('dates an untracked note\'s follow-ups, and every follow-up without git, by the note', async () => {
    const repo = TempRepo.create();
    repo.write('incidents/2026-12-03-new.md', noteText('2026-12-03-new', { logged: '2026-12-03T10:00:00Z', body: '## Prevention\n\n- [ ] Pin the version @ada\n- [x] Roll back\n' }));
    repo.write('incidents/2026-10-01-old.md', noteText('2026-10-01-old', { logged: '2026-10-01T10:00:00Z', body: '- [ ] Old item due:2026-11-01\n' }));
    const period = { since: new Date('2026-12-01T00:00:00Z'), until: new Date('2026-12-05T00:00:00Z') };
    for (const digest of [await digestOf(repo, period), await digestOf(repo, { ...period, git: undefined })]) {
      assert.deepStrictEqual(digest.followUps.opened.map((f) => f.text), ['Pin the version @ada']);
      assert.deepStrictEqual(digest.followUps.done.map((f) => f.text), ['Roll back']);
      assert.deepStrictEqual(digest.followUps.overdue.map((f) => f.note), ['2026-10-01-old']);
      assert.strictEqual(digest.datedByGit, false);
    }
  });

  it('lists notes resolved in the period, recurring tags and hotspots of its notes, and notes that turn one year old', async () => {
    const repo = TempRepo.create();
    const write = (id: string, spec: NoteSpec) => repo.write(`incidents/${id}.md`, noteText(id, spec));
    write('2025-12-02-a-year-ago', { logged: '2025-12-02T08:00:00Z', tags: ['cache'], files: ['src/cache/flush.ts'], body: '## Learnings\n\nAsk before a flush.\n' });
    write('2025-11-20-too-old', { logged: '2025-11-20T08:00:00Z', tags: ['deploy'] });
    write('2025-12-09-not-yet', { logged: '2025-12-09T08:00:00Z', tags: ['deploy'] });
    write('2026-11-10-fixed-now', { logged: '2026-11-10T08:00:00Z', status: 'resolved', resolved: '2026-12-02T09:00:00Z', tags: ['cache'], files: ['src/cache/evict.ts'] });
    write('2026-11-11-fixed-before', { logged: '2026-11-11T08:00:00Z', status: 'resolved', resolved: '2026-11-20T09:00:00Z' });
    write('2026-12-03-new', { logged: '2026-12-03T08:00:00Z', tags: ['cache', 'prod'], files: ['src/cache/flush.ts'] });

    const digest = await digestOf(repo, { since: new Date('2026-12-01T00:00:00Z'), until: new Date('2026-12-05T00:00:00Z') });
    assert.deepStrictEqual(digest.resolved, ['2026-11-10-fixed-now']);
    assert.deepStrictEqual(digest.anniversaries, ['2025-12-02-a-year-ago']);
    assert.deepStrictEqual(digest.recurringTags, [{ tag: 'cache', count: 3 }]);
    assert.deepStrictEqual(digest.hotspots, [{ path: 'src/', count: 3 }, { path: 'src/cache/', count: 3 }, { path: 'src/cache/flush.ts', count: 2 }]);
    const markdown = digestMarkdown(digest);
    assert.match(markdown, /## A year ago we learned…\n\n### 2025-12-02-a-year-ago\n\n_2025-12-02-a-year-ago_\n\nAsk before a flush\./);
    assert.match(markdown, /## Resolved \(1\)\n\n- 2026-11-10-fixed-now/);
    assert.deepStrictEqual(new Set(digestNoteIds(digest)), new Set(['2026-12-03-new', '2026-11-10-fixed-now', '2025-12-02-a-year-ago']));
    assert.strictEqual(firstAnniversary({ logged: '2024-02-29T10:00:00Z' }), '2025-03-01T10:00:00.000Z');
  });

  it('starts, by default, where the last review ended: a note marked reviewed moves the next digest on', async () => {
    const repo = TempRepo.create();
    const now = Date.now();
    const iso = (daysAgo: number) => new Date(now - daysAgo * 24 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    repo.write('incidents/a.md', noteText('a', { logged: iso(20) }));
    repo.write('incidents/b.md', noteText('b', { logged: iso(10) }));
    repo.write('incidents/c.md', noteText('c', { logged: iso(2) }));
    const first = await digestOf(repo);
    assert.strictEqual(first.sinceFrom, 'default');
    assert.deepStrictEqual(first.notes.map((n) => n.id), ['b', 'c']);
    await updateNoteFile(path.join(repo.root, 'incidents', 'b.md'), [{ path: ['reviewed'], value: iso(5) }]);
    const next = await digestOf(repo);
    assert.deepStrictEqual([next.sinceFrom, next.since, next.notes.map((n) => n.id)], ['reviewed', iso(5), ['c']]);
  });

  it('masks secrets and gives exactly the public JSON shape', async () => {
    const repo = TempRepo.create();
    const token = `ghp_${'a1B2'.repeat(9)}`;
    repo.write('incidents/2026-12-03-leak.md', noteText('2026-12-03-leak', {
      title: `Pasted ${token} in chat`, logged: '2026-12-03T08:00:00Z', severity: 'high',
      body: `## Learnings\n\nRotate it: password = "hunter2hunter2"\n\n- [ ] Rotate ${token} @ada due:2026-12-01\n`,
    }));
    await writeResponse(path.join(repo.root, 'incidents'), '2026-12-03-leak', { kind: 'help', text: `I rotated ${token} for you.`, author: 'Grace', date: new Date('2026-12-04T08:00:00Z') });
    const digest = await digestOf(repo, { since: new Date('2026-12-01T00:00:00Z'), until: new Date('2026-12-05T00:00:00Z') });
    const json = digestJson(digest);
    const text = JSON.stringify(json) + digestMarkdown(digest);
    assert.ok(!text.includes(token) && !text.includes('hunter2hunter2'), text);
    assert.match(text, /\[redacted\]/);
    assert.deepStrictEqual(Object.keys(json), ['since', 'until', 'notes', 'followUps', 'resolved', 'recurringTags', 'anniversaries']);
    const parsed = JSON.parse(JSON.stringify(json)) as { since: string; notes: Record<string, unknown>[]; followUps: Record<string, Record<string, unknown>[]> };
    assert.strictEqual(parsed.since, '2026-12-01T00:00:00Z');
    assert.deepStrictEqual(Object.keys(parsed.notes[0]), ['id', 'title', 'severity', 'status', 'learnings', 'responses']);
    assert.deepStrictEqual(Object.keys(parsed.notes[0].responses as object[]).length, 1);
    assert.deepStrictEqual(Object.keys((parsed.notes[0].responses as Record<string, unknown>[])[0]), ['kind', 'author', 'date', 'text']);
    assert.deepStrictEqual(Object.keys(parsed.followUps), ['opened', 'done', 'overdue']);
    assert.deepStrictEqual(Object.keys(parsed.followUps.overdue[0]), ['note', 'line', 'text', 'owner', 'due', 'sentence']);
  });

  it('shows a title as text, never as markup, and follow-ups in the Learnings as sentences', async () => {
    const repo = TempRepo.create();
    repo.write('incidents/2026-12-03-html.md', noteText('2026-12-03-html', {
      title: '"<img src=x onerror=alert(1)> & co"', logged: '2026-12-03T08:00:00Z',
      body: '## Learnings\n\nConfirm first.\n\n- [x] Add a prompt @grace\n- [ ] Write a runbook @ada due:2026-12-20\n',
    }));
    const markdown = digestMarkdown(await digestOf(repo, { since: new Date('2026-12-01T00:00:00Z'), until: new Date('2026-12-05T00:00:00Z') }));
    assert.match(markdown, /### &lt;img src=x onerror=alert\(1\)&gt; &amp; co\n/);
    assert.doesNotMatch(markdown, /<img/);
    assert.match(markdown, /\*\*Learnings\*\*\n\nConfirm first\.\n\n- Done: Add a prompt\.\n- Ada will write a runbook by 20 December\./);
  });

  it('leaves unreadable notes out and says so, and reads a patch by its hunk counts', async () => {
    const repo = TempRepo.create();
    repo.write('incidents/2026-12-03-broken.md', '---\ntitle: [unclosed\n---\n');
    repo.write('incidents/2026-12-03-fine.md', noteText('2026-12-03-fine', { logged: '2026-12-03T08:00:00Z' }));
    const digest = await digestOf(repo, { since: new Date('2026-12-01T00:00:00Z'), until: new Date('2026-12-05T00:00:00Z') });
    assert.deepStrictEqual([digest.notes.map((n) => n.id), digest.unreadable], [['2026-12-03-fine'], 1]);
    assert.match(digestMarkdown(digest), /1 note could not be read/);
    const added = new Map<string, Map<string, number>>();
    const patch = [
      '\u001e200', 'diff --git a/n.md b/n.md', '--- a/n.md', '+++ b/n.md', '@@ -3 +3,2 @@', '-- [ ] A', '+- [x] A', '+++ b/looks-like-a-header',
      '\u001e100', '+++ b/n.md', '@@ -0,0 +1 @@', '+- [ ] A', '\u001e5', '+++ b/n.md', '@@ -0,0 +1 @@', '+before the period',
    ].join('\n');
    addLines(added, patch, { since: new Date(50_000), until: new Date(300_000) });
    assert.deepStrictEqual([...added.get('n.md')!], [['- [x] A', 200_000], ['++ b/looks-like-a-header', 200_000], ['- [ ] A', 100_000]]);
    assert.strictEqual(added.size, 1);
    assert.ok(fs.existsSync(repo.root));
  });
});
