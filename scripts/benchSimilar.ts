// Find Similar's part of `npm run bench`: on the 60-note fixture (test/fixtures/similar), the share
// of queries whose intended earlier note is in the top 3 — each later note asked about as a note
// and as a draft — and the time per query. The baseline, in the same process: the words alone
// (minisearch over the title and the three answers, no places, commits or tags), for quality and
// for time.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GitRunner } from '../src/core/git/gitRunner';
import type { IndexedNote } from '../src/core/noteIndex/noteFileRead';
import { NoteIndex } from '../src/core/noteIndex/noteIndex';
import { SECTIONS } from '../src/core/noteFormat/noteModel';
import { sectionText } from '../src/core/noteFormat/noteSections';
import { findSimilar, queryOfNote, type SimilarQuery } from '../src/core/similar/similarNotes';
import { wordScores } from '../src/core/similar/wordMatch';
import { buildSimilarRepo } from '../test/fixtures/similar/buildSimilarRepo';

export interface SimilarRun {
  notes: number;
  queries: number;
  top3: number;
  top1: number;
  baselineTop3: number;
  byKind: Record<string, { queries: number; top3: number; baselineTop3: number }>;
  queryMs: number[];
  baselineMs: number[];
  misses: string[];
}

function wordsOnly(notes: IndexedNote[], query: SimilarQuery): string[] {
  const answers = (n: IndexedNote) => [SECTIONS.tryingTo, SECTIONS.action, SECTIONS.outcome].map((h) => sectionText(n.note.body, h) ?? '').join('\n');
  const scores = wordScores(notes.filter((n) => n.note.id !== query.id).map((n) => ({ id: n.note.id, title: n.note.title, answers: answers(n) })), { title: query.title ?? '', answers: query.text ?? '' });
  return [...scores].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

export async function similarRun(): Promise<SimilarRun> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-bench-similar-'));
  try {
    const fixture = buildSimilarRepo(tmp);
    const index = new NoteIndex(fixture.incidents);
    await index.scan();
    const notes = index.list();
    const git = new GitRunner({ isTrusted: () => true });
    const run: SimilarRun = { notes: notes.length, queries: 0, top3: 0, top1: 0, baselineTop3: 0, byKind: {}, queryMs: [], baselineMs: [], misses: [] };
    for (const c of fixture.cases) {
      const later = notes.find((n) => n.note.id === c.noteId) as IndexedNote;
      const others = notes.filter((n) => n.note.id !== c.noteId);
      for (const [how, pool, query] of [['note', notes, queryOfNote(later.note)], ['draft', others, c.draft]] as const) {
        let t = performance.now();
        const found = await findSimilar(pool, query, { repoRoot: fixture.root, git });
        run.queryMs.push(performance.now() - t);
        t = performance.now();
        const baseline = wordsOnly(pool, query);
        run.baselineMs.push(performance.now() - t);
        const kind = (run.byKind[c.kind] ??= { queries: 0, top3: 0, baselineTop3: 0 });
        run.queries++;
        kind.queries++;
        const hit = found.slice(0, 3).some((m) => m.id === c.intended);
        run.top3 += hit ? 1 : 0;
        kind.top3 += hit ? 1 : 0;
        run.top1 += found[0]?.id === c.intended ? 1 : 0;
        const baseHit = baseline.slice(0, 3).includes(c.intended);
        run.baselineTop3 += baseHit ? 1 : 0;
        kind.baselineTop3 += baseHit ? 1 : 0;
        if (!hit) {
          run.misses.push(`${how} ${c.noteId}`);
        }
      }
    }
    return run;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
