// Real repositories with notes for the site tests: one of ordinary notes, one hostile note, and
// a second repository whose note has the same id as one in the first; and a clean, believable
// team's repository for the README's screenshots.
import * as fs from 'fs';
import * as path from 'path';
import { renderNote, type NoteDraft } from '../../../src/core/noteWriting/newNoteFile';
import { writeResponse } from '../../../src/core/responses/responseStore';
import type { ResponseDraft } from '../../../src/core/responses/responseFormat';
import { TempRepo } from './tempRepo';

export function addNote(root: string, id: string, draft: Partial<NoteDraft> & { title: string }): string {
  const occurred = draft.occurred ?? new Date(`${id.slice(0, 10)}T09:00:00Z`);
  const file = path.join(root, 'incidents', `${id}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderNote(id, { severity: 'medium', commits: [], files: [], logged: occurred, ...draft, occurred }));
  return file;
}

export const HOSTILE_BODY = [
  '<script>window.__pwned = 1; alert("script")</script>',
  '<img src="x" onerror="alert(\'img\')">',
  '[click me](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)',
  'The key was AKIAABCDEFGHIJKLMNOP in the config.',
].join('\n\n');

/** A repository with three notes and a linked, committed file. */
export function teamRepo(name = 'api'): TempRepo {
  const repo = TempRepo.create();
  const renamed = path.join(path.dirname(repo.root), `${path.basename(repo.root)}-${name}`);
  fs.renameSync(repo.root, renamed);
  const r = new TempRepo(renamed);
  r.git('remote', 'add', 'origin', `https://github.com/acme/${name}.git`);
  const sha = r.commit('Add the cache', { 'src/cache.ts': 'export const ttl = 60;\nexport const api_key = "sk_live_abcdefghijklmnop1234";\n' });
  addNote(r.root, '2026-01-02-dropped-the-cache', {
    title: 'Dropped the cache table', severity: 'high', tags: ['database'],
    files: [{ path: 'src/cache.ts', lines: [2, 2], commit: sha, anchor: 'export const api_key = "sk_live_abcdefghijklmnop1234";' }],
    commits: [{ sha, role: 'introduced', subject: 'Add the cache' }],
    sections: {
      tryingTo: 'Clean old rows from the cache', action: 'Ran DELETE without a WHERE clause', outcome: 'Every row went, including the zebrafinch sessions',
      learnings: 'Always run destructive SQL inside a transaction first.', prevention: '- [ ] Add a guard to the admin console @ada due:2026-02-01',
    },
  });
  addNote(r.root, '2026-01-05-wrong-flag', {
    title: 'Shipped with the wrong flag', severity: 'low', status: 'resolved', tags: ['release', 'private'],
    sections: { tryingTo: 'Release 2.1', learnings: 'Check the flags file in review.' },
  });
  addNote(r.root, '2026-01-07-hostile', { title: 'A <b>hostile</b> note', severity: 'near-miss', sections: { learnings: HOSTILE_BODY } });
  return r;
}

export async function addResponse(root: string, noteId: string, draft: ResponseDraft): Promise<string> {
  return writeResponse(path.join(root, 'incidents'), noteId, draft);
}

/** A team's repository as it looks after a few months of Candor: the README's screenshots. */
export async function realisticRepo(): Promise<TempRepo> {
  const repo = TempRepo.create();
  repo.git('remote', 'add', 'origin', 'https://github.com/acme/payments.git');
  const sha = repo.commit('Retry webhook deliveries', { 'src/webhooks/retry.ts': 'export const MAX_RETRIES = 0;\nexport const BACKOFF_MS = 500;\n' });
  addNote(repo.root, '2026-03-02-webhook-retries-disabled', {
    title: 'Shipped webhook retries switched off', severity: 'high', status: 'mitigated', author: 'Ada Lovelace', tags: ['webhooks', 'config'],
    files: [{ path: 'src/webhooks/retry.ts', lines: [1, 1], commit: sha, anchor: 'export const MAX_RETRIES = 0;' }],
    commits: [{ sha, role: 'introduced', subject: 'Retry webhook deliveries' }],
    sections: {
      tryingTo: 'Make failed webhook deliveries retry with a back-off.',
      action: 'I left MAX_RETRIES at 0 from local testing and merged without checking the default.',
      outcome: 'For two days, 312 deliveries that failed once were never retried; three merchants missed payment notifications.',
      recovery: 'Set MAX_RETRIES to 5 and replayed the 312 deliveries from the dead-letter queue.',
      learnings: 'A value I change to test something goes back before I open the pull request; defaults deserve a test of their own.',
      prevention: '- [x] Replay the failed deliveries @ada due:2026-03-03\n- [ ] Add a test that fails when retries are off @ada due:2026-03-20',
    },
  });
  addNote(repo.root, '2026-02-17-refund-rounding', {
    title: 'Refunds rounded to whole euros', severity: 'medium', status: 'resolved', author: 'Grace Hopper', tags: ['refunds', 'money'],
    sections: {
      tryingTo: 'Show refunds in the merchant dashboard in the merchant\'s currency.',
      action: 'I formatted the amount with a helper that rounds to whole units.',
      outcome: 'Refunds of 12.50 EUR showed as 13 EUR; the stored amounts were right.',
      learnings: 'Money is formatted with the currency\'s minor units, never with a general number helper.',
    },
  });
  addNote(repo.root, '2026-01-28-staging-certificate', {
    title: 'Let the staging certificate expire', severity: 'low', status: 'resolved', author: 'Alan Turing', tags: ['ops'],
    sections: {
      tryingTo: 'Renew the certificates before the end of the month.',
      action: 'I renewed production and skipped staging, meaning to do it the next day.',
      outcome: 'Staging was down for an hour and blocked two releases.',
      learnings: 'Calendar reminders are not a renewal process: certificates renew automatically now.',
    },
  });
  addNote(repo.root, '2026-01-12-migration-lock', {
    title: 'A migration locked the orders table', severity: 'critical', status: 'resolved', author: 'Katherine Johnson', tags: ['database', 'migrations'],
    sections: {
      tryingTo: 'Add an index to the orders table for the new report.',
      action: 'I ran the migration at noon without CONCURRENTLY.',
      outcome: 'Checkout stalled for six minutes while the table was locked.',
      learnings: 'Indexes on large tables are built concurrently, and migrations run outside peak hours.',
    },
  });
  addNote(repo.root, '2025-12-09-near-miss-deploy', {
    title: 'Nearly deployed to production on a Friday evening', severity: 'near-miss', status: 'resolved', author: 'Ada Lovelace', tags: ['release'],
    sections: {
      tryingTo: 'Ship a small copy change before the weekend.',
      action: 'I started the production pipeline instead of staging.',
      outcome: 'The approval step stopped it; nothing was deployed.',
      learnings: 'The approval step earns its keep: keep it for every production deploy.',
    },
  });
  await addResponse(repo.root, '2026-03-02-webhook-retries-disabled', {
    kind: 'thanks', author: 'Grace Hopper', date: new Date('2026-03-02T15:40:00Z'),
    text: 'Thank you for telling us so quickly. What do you need from me?',
  });
  await addResponse(repo.root, '2026-03-02-webhook-retries-disabled', {
    kind: 'help', author: 'Alan Turing', date: new Date('2026-03-03T09:05:00Z'),
    text: 'I can pair on the test for the defaults on **Thursday**.',
  });
  return repo;
}
