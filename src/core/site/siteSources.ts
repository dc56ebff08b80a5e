// Collecting what a site shows: the readable notes of one or many repositories, each with its
// repository's name (the `repo` facet and the path prefix that keeps notes of different
// repositories apart), its web remote for permalinks, and the git facts insights need.
// Reads notes through the note index; git runs only through the runner the caller trusts.
// Every text a note or response brings is masked here, once, as disclosures mask it: nothing
// downstream can forget to, and the body is not masked again by each page that shows it.
import * as path from 'path';
import type { GitRunner } from '../git/gitRunner';
import { commitTimes, findIncidentTrailers, type TrailerCommit } from '../git/trailers';
import { NoteIndex } from '../noteIndex/noteIndex';
import { hasErrors, type Note, type ParsedNote } from '../noteFormat/noteModel';
import { originRemote, type RemoteWeb } from '../repository/permalinks';
import { listAllResponses, type StoredResponse } from '../responses/responseStore';
import type { Response } from '../responses/responseFormat';
import { maskSecrets } from '../secrets';

export interface SiteRepoInput {
  /** The repository (or folder) root: where linked paths start. */
  root: string;
  /** Its incidents folder. */
  incidentsDir: string;
  /** Shown name; default: the root folder's name. */
  name?: string;
}

export interface SiteNote {
  /** The repository's slug, unique in the site: also the first part of the note page's path. */
  repo: string;
  note: Note;
  /** Page path relative to the site root, e.g. `notes/api/2026-01-02-x.html`. */
  page: string;
  remote?: RemoteWeb;
  /** Its readable responses, oldest first, masked. */
  responses: Response[];
}

export interface SiteSources {
  notes: SiteNote[];
  /** Every note as parsed (readable or not), for insights' own counts. */
  parsed: ParsedNote[];
  repos: string[];
  commitTimes: Map<string, number>;
  trailerFixes: Map<string, TrailerCommit[]>;
}

/** Reads every repository's notes; `excludeTags` leaves out any note carrying one of them. */
export async function collectSiteSources(inputs: SiteRepoInput[], git: GitRunner | undefined, excludeTags: string[]): Promise<SiteSources> {
  const slugs = repoSlugs(inputs);
  const excluded = new Set(excludeTags.map((t) => t.toLowerCase()));
  const sources: SiteSources = { notes: [], parsed: [], repos: [...slugs].sort(), commitTimes: new Map(), trailerFixes: new Map() };
  for (const [i, input] of inputs.entries()) {
    const repo = slugs[i];
    const index = new NoteIndex(input.incidentsDir);
    await index.scan();
    const parsed = index.list()
      .filter((p) => !p.note.tags.some((t) => excluded.has(t.toLowerCase())))
      .map((p) => ({ ...p, note: maskedNote(p.note) }));
    const responses = await listAllResponses(input.incidentsDir);
    const remote = git ? await originRemote(git, input.root) : undefined;
    if (git) {
      const shas = parsed.flatMap((p) => p.note.commits.map((c) => c.sha));
      const [times, trailers] = await Promise.all([commitTimes(git, input.root, shas), findIncidentTrailers(git, input.root)]);
      times.forEach((v, k) => sources.commitTimes.set(k, v));
      // Trailers name note ids, which only mean something inside their own repository.
      const ids = new Set(parsed.map((p) => p.note.id));
      trailers.forEach((v, k) => ids.has(k) && sources.trailerFixes.set(k, [...(sources.trailerFixes.get(k) ?? []), ...v]));
    }
    sources.parsed.push(...parsed);
    for (const p of parsed.filter((n) => !hasErrors(n))) {
      sources.notes.push({
        repo, note: p.note, page: `notes/${repo}/${pageName(p.note.id)}.html`, ...(remote ? { remote } : {}),
        responses: readableResponses(responses.get(p.note.id)),
      });
    }
  }
  sources.notes.sort(newestFirst);
  return sources;
}

/** The note with every text a reader sees masked, as a disclosure masks title, author, tags, links and body. */
function maskedNote(note: Note): Note {
  return {
    ...note,
    title: maskSecrets(note.title),
    ...(note.author !== undefined ? { author: publicName(note.author) } : {}),
    ...(note.branch !== undefined ? { branch: maskSecrets(note.branch) } : {}),
    tags: note.tags.map((t) => maskSecrets(t)),
    commits: note.commits.map((c) => (c.subject !== undefined ? { ...c, subject: maskSecrets(c.subject) } : c)),
    files: note.files.map((f) => ({ ...f, path: maskSecrets(f.path), ...(f.anchor !== undefined ? { anchor: maskSecrets(f.anchor) } : {}) })),
    body: maskSecrets(note.body),
  };
}

/** Responses that could be read, masked; unreadable ones are `candor check`'s to report. */
function readableResponses(found: StoredResponse[] | undefined): Response[] {
  return (found ?? [])
    .filter((r) => !hasErrors(r) && r.text.trim() !== '')
    .map((r) => ({ note: r.note, kind: r.kind, date: r.date, text: maskSecrets(r.text), ...(r.author ? { author: publicName(r.author) } : {}) }));
}

/** `Ada Lovelace <ada@example.com>` → `Ada Lovelace`: a site may be public; its pages publish no e-mail address. */
function publicName(author: string): string {
  return maskSecrets(author.replace(/\s*<[^>]*>/g, '').trim());
}

/** Newest first by when it occurred (or was logged), then by repository and id: a stable order. */
function newestFirst(a: SiteNote, b: SiteNote): number {
  const da = noteDate(a.note);
  const db = noteDate(b.note);
  return da < db ? 1 : da > db ? -1 : a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : a.note.id < b.note.id ? -1 : a.note.id > b.note.id ? 1 : 0;
}

export function noteDate(note: Note): string {
  return note.occurred ?? note.logged ?? '';
}

/** A file name from a note id: ids come from repositories that may be hostile. */
function pageName(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '');
  return safe === '' ? 'note' : safe;
}

/** Folder names made safe and unique (`api`, `api-2`), in the order given. */
function repoSlugs(inputs: SiteRepoInput[]): string[] {
  const seen = new Set<string>();
  return inputs.map((input) => {
    const base = (input.name ?? path.basename(path.resolve(input.root))).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '') || 'repo';
    let slug = base;
    for (let n = 2; seen.has(slug); n++) {
      slug = `${base}-${n}`;
    }
    seen.add(slug);
    return slug;
  });
}
