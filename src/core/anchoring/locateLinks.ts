// Finds notes' linked lines again after the code changed.
//
// 1. Path: the recorded path if it is a file now; otherwise, with git, where the commit's
//    version of it was renamed to (committed or staged).
// 2. Lines: with git, the file at the recorded commit is matched line by line against the
//    current text (an unsaved buffer included), which predicts where the recorded lines are now
//    and which lines were already elsewhere. The anchor text then confirms the place: an exact
//    match (whitespace aside) nearest the prediction, or else one clearly best fuzzy match.
// 3. Without git, a commit or its blob: the same search over the whole file, the recorded lines
//    as tie-breaker.
// Git costs two processes per call, two more when linked files are gone (renames).
import type { LinkedFile } from '../noteFormat/noteModel';
import { FileText } from './fileText';
import { GitHistory } from './gitHistory';
import { matchLines } from './lineDiff';
import { LineMapping } from './lineMapping';
import { checkPath, readLink, type LinkInput } from './linkInput';
import { placeLines, recordedRangeIn, type Evidence } from './placeLines';
import type { AnchorLocation, LocateOptions } from './types';
import { megabytes, SEARCH_LIMIT_BYTES, WorkspaceFiles } from './workspaceFiles';

/** Locates many links at once; git work is shared (one process per kind of question, cached within the call). */
export async function locateLinks(links: LinkedFile[], options: LocateOptions): Promise<AnchorLocation[]> {
  const inputs = (Array.isArray(links) ? links : []).map((link) => {
    try {
      return readLink(link);
    } catch {
      return { recordedPath: '', path: '', uncommitted: false, problem: 'The link cannot be read' } satisfies LinkInput;
    }
  });
  const files = new WorkspaceFiles(options?.repoRoot, options?.currentText, options?.onlyGivenText === true);
  const history = new GitHistory(options?.git, options?.repoRoot, options?.signal);
  const located = new Locator(files, history);
  try {
    await located.askGit(inputs);
  } catch {
    // Git is only ever a help: without its answers every link is still searched by text.
  }
  return inputs.map((input) => {
    // Between links: a cancelled re-anchor of many links stops here rather than after the last.
    options?.signal?.throwIfAborted();
    try {
      return located.locate(input);
    } catch (err) {
      return { status: 'orphaned', path: input.recordedPath, reason: `The link could not be located (${err instanceof Error ? err.message : String(err)})` };
    }
  });
}

class Locator {
  private renames = new Map<string, Map<string, string>>();
  private blobTexts = new Map<string, string>();
  private readonly oldFiles = new Map<string, FileText>();
  private readonly mappings = new Map<string, LineMapping>();

  constructor(private readonly files: WorkspaceFiles, private readonly history: GitHistory) {}

  async askGit(inputs: LinkInput[]): Promise<void> {
    const wanted = inputs.filter((i): i is LinkInput & { commit: string } => !i.problem && i.commit !== undefined);
    const gone = (i: LinkInput) => this.files.state(i.path).state === 'missing';
    const withLines = wanted.filter((i) => i.lines && this.files.state(i.path).state !== 'problem');
    const commits = distinct(wanted.filter((i) => i.lines || gone(i)).map((i) => i.commit));
    const blobs = distinctBy(withLines.map((i) => ({ commit: i.commit, path: i.path })), (b) => `${b.commit}:${b.path}`);
    await this.history.inspect(commits, blobs);
    if (!this.history.usable) {
      return;
    }
    const renameCommits = distinct(wanted.filter(gone).map((i) => i.commit));
    const oids = withLines.map((i) => this.history.blob(i.commit, i.path)?.oid).filter((o): o is string => o !== undefined);
    const [renames, texts] = await Promise.all([this.history.renames(renameCommits), this.history.readBlobs(oids)]);
    this.renames = renames;
    this.blobTexts = texts;
  }

  locate(input: LinkInput): AnchorLocation {
    if (input.problem) {
      return orphaned(input.recordedPath, input.problem);
    }
    const current = this.currentPath(input);
    if ('reason' in current) {
      return orphaned(input.recordedPath, current.reason);
    }
    const path = current.path;
    if (!input.lines) {
      return path === input.path ? { status: 'exact', path } : { status: 'moved', path, reason: `${input.path} was renamed to ${path}` };
    }
    const text = this.files.text(path);
    if ('problem' in text) {
      return orphaned(input.recordedPath, text.problem);
    }
    const searchable = text.bytes <= SEARCH_LIMIT_BYTES;
    const evidence = this.evidence(input, path, text.file, searchable);
    if (!searchable) {
      return this.unsearchable(input, path, text.bytes, evidence);
    }
    if (!input.anchor) {
      return this.withoutAnchor(input, path, text.file, evidence);
    }
    return placeLines({ recordedPath: input.path, path, lines: input.lines, anchor: input.anchor, file: text.file, evidence });
  }

  private currentPath(input: LinkInput): { path: string } | { reason: string } {
    const state = this.files.state(input.path);
    if (state.state === 'file') {
      return { path: input.path };
    }
    if (state.state === 'problem') {
      return { reason: state.reason };
    }
    const renamedTo = input.commit ? this.renames.get(input.commit)?.get(input.path) : undefined;
    if (renamedTo !== undefined) {
      const checked = checkPath(renamedTo);
      if ('path' in checked && this.files.state(checked.path).state === 'file') {
        return { path: checked.path };
      }
    }
    return { reason: `${input.path} no longer exists` };
  }

  /** Git's line mapping from the recorded commit's file to the current text, when there is one. */
  private evidence(input: LinkInput, path: string, file: FileText, searchable: boolean): Evidence | undefined {
    if (!input.commit || !input.lines) {
      return undefined;
    }
    const blob = this.history.blob(input.commit, input.path);
    const oldText = blob ? this.blobTexts.get(blob.oid) : undefined;
    if (!blob || oldText === undefined || oldText.includes('\u0000')) {
      return undefined;
    }
    let old = this.oldFiles.get(blob.oid);
    if (!old) {
      old = new FileText(oldText);
      this.oldFiles.set(blob.oid, old);
    }
    const oldRange = recordedRangeIn(old, input.lines, input.anchor, input.uncommitted, searchable && blob.size <= SEARCH_LIMIT_BYTES);
    if (!oldRange) {
      return undefined;
    }
    const key = `${blob.oid}\0${path}`;
    let mapping = this.mappings.get(key);
    if (!mapping) {
      mapping = new LineMapping(matchLines(old.lines, file.lines), old.lineCount, file.lineCount);
      this.mappings.set(key, mapping);
    }
    return { mapping, oldRange, projection: mapping.project(oldRange[0], oldRange[1]), since: input.commit.slice(0, 7) };
  }

  /** A file too large to search: git's mapping alone, when it shows the lines unchanged. */
  private unsearchable(input: LinkInput, path: string, bytes: number, evidence: Evidence | undefined): AnchorLocation {
    const size = `${path} is too large to search (${megabytes(bytes)} MB)`;
    if (!evidence) {
      return orphaned(input.recordedPath, `${size} and has no recorded commit to follow the lines from`);
    }
    if (!evidence.projection.clean) {
      return orphaned(input.recordedPath, `${size} and the linked lines changed since ${evidence.since}`);
    }
    return placedByGit(input, path, evidence);
  }

  /** No anchor text was recorded (blank lines, or a file too large when the note was written). */
  private withoutAnchor(input: LinkInput, path: string, file: FileText, evidence: Evidence | undefined): AnchorLocation {
    if (evidence) {
      const { projection, since } = evidence;
      if (projection.clean) {
        return placedByGit(input, path, evidence);
      }
      if (projection.deleted) {
        return orphaned(input.recordedPath, `The linked lines were deleted since ${since}`);
      }
      return {
        status: 'edited', path, lines: [projection.start, projection.end],
        reason: `The linked lines changed since ${since} (the note has no anchor text to check them against)`,
      };
    }
    const [first, last] = input.lines!;
    if (last > file.lineCount) {
      return orphaned(input.recordedPath, `${path} has only ${file.lineCount} lines`);
    }
    const reason = 'The note has no anchor text for these lines: shown as recorded, unchecked';
    return path === input.path ? { status: 'exact', path, lines: [first, last], reason } : { status: 'moved', path, lines: [first, last], reason };
  }
}

/** Git shows every recorded line unchanged: exact when in place, moved otherwise. */
function placedByGit(input: LinkInput, path: string, evidence: Evidence): AnchorLocation {
  const lines: [number, number] = [evidence.projection.start, evidence.projection.end];
  const inPlace = path === input.path && lines[0] === input.lines![0] && lines[1] === input.lines![1];
  if (inPlace) {
    return { status: 'exact', path, lines };
  }
  return path === input.path ? { status: 'moved', path, lines } : { status: 'moved', path, lines, reason: `${input.path} was renamed to ${path}` };
}

function orphaned(path: string, reason: string): AnchorLocation {
  return { status: 'orphaned', path, reason };
}

function distinct<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function distinctBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    if (!seen.has(key(item))) {
      seen.set(key(item), item);
    }
  }
  return [...seen.values()];
}
