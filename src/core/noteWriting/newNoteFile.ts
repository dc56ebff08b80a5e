// Writes new notes. A note is created under a name no other note has, atomically and exclusively,
// so two people (or two windows) logging the same title at the same moment both keep their note.
import * as fs from 'fs';
import * as path from 'path';
import { yamlLib } from '../libraries';
import { NOTE_FIELDS, WRITTEN_FIELDS, type FieldSpec, type NoteFieldKey } from '../noteFormat/noteFields';
import { SECTIONS, type LinkedCommit, type LinkedFile, type SectionKey, type Severity, type Status } from '../noteFormat/noteModel';
import { noteId, slugify } from '../noteFormat/fileName';

export interface NoteDraft {
  title: string;
  status?: Status;
  severity: Severity;
  author?: string;
  occurred: Date;
  logged: Date;
  branch?: string;
  head?: string;
  commits: LinkedCommit[];
  files: LinkedFile[];
  tags?: string[];
  /** Ids of related notes; left out of the front matter when empty. */
  related?: string[];
  sections?: Partial<Record<SectionKey, string>>;
}

const MAX_COLLISIONS = 1000;

/** `2026-11-21T10:32:00Z`: seconds are enough for a person and keep the field short. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function renderNote(id: string, draft: NoteDraft): string {
  const values: Partial<Record<NoteFieldKey, unknown>> = {
    id,
    title: draft.title,
    status: draft.status ?? 'open',
    severity: draft.severity,
    author: draft.author,
    occurred: isoSeconds(draft.occurred),
    logged: isoSeconds(draft.logged),
    branch: draft.branch,
    head: draft.head,
    commits: draft.commits.map((c) => stripUndefined({ sha: c.sha, role: c.role, subject: c.subject })),
    files: draft.files.map((f) => stripUndefined({ path: f.path, lines: f.lines, commit: f.commit, anchor: f.anchor, uncommitted: f.uncommitted })),
    tags: draft.tags ?? [],
    related: draft.related && draft.related.length > 0 ? draft.related : undefined,
  };
  // The fields a new note has, in the field table's order (noteFields.ts).
  const fields: Record<string, unknown> = {};
  for (const key of WRITTEN_FIELDS) {
    fields[key] = values[key];
  }
  const doc = new (yamlLib().Document)(stripUndefined(fields));
  // `lines: [12, 18]` and `tags: []` read best on one line.
  const files = doc.get('files');
  if (yamlLib().isSeq(files)) {
    for (const item of files.items) {
      const lines = yamlLib().isMap(item) ? item.get('lines', true) : undefined;
      if (yamlLib().isSeq(lines)) {
        lines.flow = true;
      }
    }
  }
  for (const key of WRITTEN_FIELDS) {
    const list = (NOTE_FIELDS[key] as FieldSpec).flow ? doc.get(key) : undefined;
    if (yamlLib().isSeq(list)) {
      list.flow = true;
    }
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n\n${renderBody(draft.sections ?? {})}`;
}

function renderBody(sections: Partial<Record<SectionKey, string>>): string {
  return (Object.keys(SECTIONS) as SectionKey[])
    .map((key) => {
      const text = sections[key]?.trim();
      // An empty section keeps three blank lines so that text typed on the middle one has a
      // blank line on each side, as Markdown style wants around headings.
      return `## ${SECTIONS[key]}\n\n${text ? `${text}\n\n` : '\n\n'}`;
    })
    .join('')
    .replace(/\n+$/, '\n');
}

function stripUndefined<T extends Record<string, unknown>>(record: T): T {
  for (const key of Object.keys(record)) {
    if (record[key] === undefined) {
      delete record[key];
    }
  }
  return record;
}

export interface CreatedNote {
  id: string;
  path: string;
  text: string;
}

/**
 * Creates `<folder>/<date>-<slug>[-n].md`. The text is written to a temporary file first and
 * hard-linked into place: the link fails if the name is taken, so nothing is overwritten and
 * nobody ever reads a half-written note. Where hard links are not supported, an exclusive
 * create (`wx`) keeps the no-overwrite promise.
 */
export async function createNoteFile(folder: string, draft: NoteDraft): Promise<CreatedNote> {
  await fs.promises.mkdir(folder, { recursive: true });
  const slug = slugify(draft.title);
  const temp = path.join(folder, `.candor-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`);
  let linkSupported = true;
  try {
    for (let n = 1; n <= MAX_COLLISIONS; n++) {
      const id = noteId(draft.occurred, slug, n);
      const target = path.join(folder, `${id}.md`);
      const text = renderNote(id, draft);
      if (linkSupported) {
        await fs.promises.writeFile(temp, text, { encoding: 'utf8', flag: 'w' });
        try {
          await fs.promises.link(temp, target);
          return { id, path: target, text };
        } catch (err) {
          if (code(err) === 'EEXIST') {
            continue;
          }
          if (!['EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS', 'EOPNOTSUPP'].includes(code(err) ?? '')) {
            throw err;
          }
          linkSupported = false;
        }
      }
      try {
        await fs.promises.writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
        return { id, path: target, text };
      } catch (err) {
        if (code(err) !== 'EEXIST') {
          throw err;
        }
      }
    }
    throw new Error(`More than ${MAX_COLLISIONS} notes share the name ${slug}; choose another title.`);
  } finally {
    await fs.promises.rm(temp, { force: true });
  }
}

function code(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}
