// What `candor check` reports about responses: the file's own problems, and a response whose
// note does not exist (a typo in a folder name, or a note renamed or deleted after it was answered).
import type { NoteProblem } from '../noteFormat/noteModel';
import type { StoredResponse } from './responseStore';

export interface CheckedResponse {
  path: string;
  problems: NoteProblem[];
}

export function checkResponses(all: ReadonlyMap<string, readonly StoredResponse[]>, noteIds: ReadonlySet<string>): CheckedResponse[] {
  const checked: CheckedResponse[] = [];
  for (const [noteId, responses] of all) {
    for (const r of responses) {
      const problems = [...r.problems];
      if (!noteIds.has(noteId)) {
        problems.push({ level: 'error', message: `\`note\` ${noteId} does not exist: this response answers no note.`, line: 2 });
      }
      checked.push({ path: r.path, problems });
    }
  }
  return checked;
}
