// A repository for review tests: main with a 40-line file and a note linking lines 20-22 (an
// anchor recorded like Log Mistake does), and a branch `feat` to change it on.
import * as fs from 'fs';
import * as path from 'path';
import { makeAnchor, sliceLines } from '../../../src/core/anchoring/recordedAnchor';
import type { LinkedFile } from '../../../src/core/noteFormat/noteModel';
import { renderNote } from '../../../src/core/noteWriting/newNoteFile';
import { lines, TempRepo } from './tempRepo';

export const SOURCE = lines(40, (n) => `export const value${n} = compute(${n});`);

export function link(text: string, file: string, first: number, last: number, commit: string): LinkedFile {
  return { path: file, lines: [first, last], commit, anchor: makeAnchor(sliceLines(text, first, last)) };
}

export function addNote(repo: TempRepo, id: string, files: LinkedFile[], extra: { severity?: 'low' | 'high' | 'critical'; title?: string } = {}): string {
  const when = new Date(`${id.slice(0, 10)}T09:00:00Z`);
  const text = renderNote(id, {
    title: extra.title ?? 'Flushed the production cache', severity: extra.severity ?? 'high', occurred: when, logged: when, commits: [], files,
    sections: { outcome: 'The cache emptied.', learnings: 'Never flush twice.', prevention: '- [ ] Add a guard @ada due:2030-01-01\n- [x] Page the team' },
  });
  const rel = path.join('incidents', `${id}.md`);
  fs.mkdirSync(path.join(repo.root, 'incidents'), { recursive: true });
  fs.writeFileSync(path.join(repo.root, rel), text);
  return rel;
}

/** main: src/cache.ts (40 lines) and a note on lines 20-22, committed; then branch feat checked out. */
export function reviewRepo(): { repo: TempRepo; base: string } {
  const repo = TempRepo.create();
  const first = repo.commit('Add cache', { 'src/cache.ts': SOURCE, 'src/other.ts': 'other\n' });
  const note = addNote(repo, '2026-01-01-flushed-cache', [link(SOURCE, 'src/cache.ts', 20, 22, first)]);
  const base = repo.commit('Log a mistake', { [note]: repo.read(note) });
  repo.git('checkout', '-q', '-b', 'feat');
  return { repo, base };
}

/** The file with line `n` (1-based) replaced, removed or with lines inserted before it. */
export function edit(text: string, change: { replace?: number; remove?: [number, number]; insertBefore?: number; count?: number }): string {
  const all = text.replace(/\n$/, '').split('\n');
  if (change.replace !== undefined) {
    all[change.replace - 1] = `${all[change.replace - 1]} // changed`;
  }
  if (change.remove) {
    all.splice(change.remove[0] - 1, change.remove[1] - change.remove[0] + 1);
  }
  if (change.insertBefore !== undefined) {
    all.splice(change.insertBefore - 1, 0, ...Array.from({ length: change.count ?? 1 }, (_, i) => `// inserted ${i}`));
  }
  return all.join('\n') + '\n';
}
