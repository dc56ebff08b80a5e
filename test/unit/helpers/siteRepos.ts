// Real repositories with notes for the site tests: one of ordinary notes, one hostile note, and
// a second repository whose note has the same id as one in the first.
import * as fs from 'fs';
import * as path from 'path';
import { renderNote, type NoteDraft } from '../../../src/core/noteWriter';
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
