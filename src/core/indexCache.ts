// The parsed notes of an incidents folder, kept between sessions so that opening a workspace
// reads only the folder's stat data and this one file instead of every note.
//
// Bodies are not kept: with them the file was as large as the notes (28.7 MB for 26.8 MB of notes)
// and reading it nearly as slow as reading the notes; without them it is a fifth of that. A note
// from the cache reads its body from its own file when first asked for (noteIndex.ts).
//
// Where: `<git dir>/candor/index-cache.json`, outside the tracked content (never committed, never
// shown as a change), found without running git. No git dir, no cache. One file per repository,
// shared by the editor and a future CLI: each incidents folder is a section keyed by its path
// relative to the repository root.
//
// Trust: a repository (with its .git) may come from someone else, so the file is untrusted input.
// Every entry is checked for shape and for what parseNote itself guarantees (enums, shas, paths
// that stay in the repository), and a cached note is used only for a file whose size,
// modification time, change time and inode all still match. The change time and inode are set
// when a file is created here, not by a tar or zip, so a cache planted in an archive cannot
// predict them; and even a matching entry can only show what a note file itself could say. Anything else about the file (wrong
// version, wrong parser, bad JSON, bad shape) means: ignore it, parse the notes, write a new one.
//
// Format (JSON Lines, so that a folder's entries are read a chunk at a time, yielding between
// chunks, and other folders' sections are copied through without being parsed; a few hundred
// entries per line, since each decode and parse call has a cost of its own):
//   {"format":"candor-index-cache","version":2,"parser":<NOTE_PARSER_VERSION>}
//   {"folder":"incidents","notes":<n>,"chunks":<k>}
//   [["<file name>",<size>,<mtimeMs>,<ctimeMs>,<ino>,{"note":…,"problems":…,"bodyLine":…}], …]   × k
//   … further folders …
// The file is pure ASCII (other characters as JSON \u escapes): decoding it as Latin-1 and parsing
// one-byte strings measured 4-5 times faster than UTF-8 decoding of the same 30 MB, whose few
// non-ASCII characters (an ellipsis in an anchor) turn whole lines into two-byte strings.
import * as fs from 'fs';
import * as path from 'path';
import {
  COMMIT_ROLES, SEVERITIES, SHA_PATTERN, STATUSES, isDateTime,
  type LinkedFile, type Note, type NoteProblem,
} from './noteModel';
import { NOTE_PARSER_VERSION } from './noteParser';
import { unsafePathReason } from './repoPaths';

const FORMAT = 'candor-index-cache';
/** Changes with the file's layout; NOTE_PARSER_VERSION covers what a parsed note contains. */
// 2: the resolved time is kept (version 1 dropped it, so insights lost every fix time after a
// warm start).
export const INDEX_CACHE_VERSION = 2;
export const INDEX_CACHE_FILE = 'index-cache.json';
/** A cache this large is not a cache of notes (10,000 notes make about 30 MB). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;
/** How long a chunk of work may hold the event loop before yielding, in ms. */
const SLICE_MS = 8;
/** Entries per line of the file. */
const CHUNK_ENTRIES = 256;

/** What identifies one version of a file without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export function stampOf(stat: fs.Stats): FileStamp {
  return { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** A parsed note as cached: everything but the body (and, as stored, the id). */
export interface CachedParse {
  note: Omit<Note, 'body'>;
  problems: NoteProblem[];
  bodyLine: number;
}

export interface CacheRecord {
  name: string;
  stamp: FileStamp;
  parsed: { note: Omit<Note, 'body' | 'id'>; problems: NoteProblem[]; bodyLine: number };
}

/**
 * What is stored of a note: its fields but the body (not kept) and the id (the file name),
 * copied field by field so that a lazy body is not read.
 */
export function cachedFields(note: Note): Omit<Note, 'body' | 'id'> {
  const { title, status, severity, author, occurred, logged, branch, head, resolved, commits, files, tags } = note;
  return { title, status, severity, author, occurred, logged, branch, head, resolved, commits, files, tags };
}

/** One folder's entries as loaded: looked up by name, used only when the stamp matches. */
export class CachedNotes {
  constructor(private readonly entries: Map<string, CacheEntry>) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached note for `name` if its stamp matches and it passes every check; else undefined. */
  take(name: string, stamp: FileStamp): CachedParse | undefined {
    const entry = this.entries.get(name);
    // The entry as parsed from the file, compared in place: no object per entry for 10,000 notes.
    if (!entry || entry[1] !== stamp.size || entry[2] !== stamp.mtimeMs || entry[3] !== stamp.ctimeMs || entry[4] !== stamp.ino) {
      return undefined;
    }
    return readParsed(entry[5], name.replace(/\.md$/i, ''), stamp.size);
  }
}

const NONE = new CachedNotes(new Map());

/** Finds the git dir of a repository root without running git: `.git`, or `.git` naming one. */
export function findGitDir(repoRoot: string): string | undefined {
  const dotGit = path.join(repoRoot, '.git');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dotGit);
  } catch {
    return undefined;
  }
  let gitDir: string | undefined;
  if (stat.isDirectory()) {
    gitDir = dotGit;
  } else if (stat.isFile() && stat.size < 4096) {
    // Worktrees and submodules: a file `gitdir: <path>`, relative to the folder holding it.
    const match = /^gitdir:[ \t]*(.+?)[ \t]*\r?$/m.exec(readText(dotGit) ?? '');
    gitDir = match ? path.resolve(repoRoot, match[1]) : undefined;
  }
  // A git dir has a HEAD; anything else named .git is not one, and gets nothing written into it.
  return gitDir && isFile(path.join(gitDir, 'HEAD')) ? gitDir : undefined;
}

/**
 * The cache for `incidentsDir` in the repository at `repoRoot`, or undefined where there is none
 * (no git dir; the folder outside the repository). While `writable()` is false (an untrusted
 * workspace) it is still read but never written.
 */
export function openIndexCache(repoRoot: string, incidentsDir: string, options: { writable: () => boolean }): IndexCache | undefined {
  const relative = path.relative(path.resolve(repoRoot), path.resolve(incidentsDir));
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return undefined;
  }
  const gitDir = findGitDir(repoRoot);
  if (!gitDir) {
    return undefined;
  }
  return new IndexCache(path.join(gitDir, 'candor', INDEX_CACHE_FILE), relative.split(path.sep).join('/') || '.', options.writable);
}

/** Saves to one file are queued, so two folders of one repository never drop each other's. */
const saving = new Map<string, Promise<unknown>>();

export class IndexCache {
  constructor(readonly file: string, readonly folder: string, private readonly canWrite: () => boolean) {}

  get writable(): boolean {
    return this.canWrite();
  }

  /** This folder's entries; empty when the file is missing, foreign, old or broken. Never throws. */
  async load(): Promise<CachedNotes> {
    const buffer = await readCacheFile(this.file);
    if (!buffer) {
      return NONE;
    }
    try {
      const sections = splitSections(buffer);
      const mine = sections?.get(this.folder);
      if (!mine) {
        return NONE;
      }
      const entries = new Map<string, CacheEntry>();
      let sliceStart = Date.now();
      for (const line of mine.lines) {
        // Latin-1: we write ASCII only. Other bytes in a foreign file only garble its own text,
        // which, like anything in the file, is used only for notes whose stamps match.
        const chunk = parseJson(buffer.toString('latin1', line[0], line[1]));
        if (!Array.isArray(chunk)) {
          return NONE;
        }
        for (const item of chunk as unknown[]) {
          const entry = parseEntry(item);
          if (!entry) {
            // One bad entry means the file was not written by us: trust none of it.
            return NONE;
          }
          entries.set(entry[0], entry);
        }
        if (Date.now() - sliceStart > SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = Date.now();
        }
      }
      if (entries.size !== mine.notes) {
        return NONE;
      }
      return new CachedNotes(entries);
    } catch {
      return NONE;
    }
  }

  /**
   * Replaces this folder's section, keeping other folders' sections of the same version.
   * Atomic: written to a temporary file and renamed into place. Never throws; resolves to
   * whether the file was written.
   */
  save(records: readonly CacheRecord[]): Promise<boolean> {
    if (!this.writable) {
      return Promise.resolve(false);
    }
    const previous = saving.get(this.file) ?? Promise.resolve();
    const next = previous.then(() => this.write(records)).catch(() => false);
    saving.set(this.file, next);
    void next.then(() => {
      if (saving.get(this.file) === next) {
        saving.delete(this.file);
      }
    });
    return next;
  }

  private async write(records: readonly CacheRecord[]): Promise<boolean> {
    const dir = path.dirname(this.file);
    await fs.promises.mkdir(dir, { recursive: true });
    // Our own folder, not a link a repository planted to make us write elsewhere.
    const dirStat = await fs.promises.lstat(dir);
    if (!dirStat.isDirectory()) {
      return false;
    }
    const others: Buffer[] = [];
    const current = await readCacheFile(this.file);
    const sections = current ? splitSections(current) : undefined;
    for (const [folder, section] of sections ?? []) {
      // Whole lines only: a section that does not end with a line break is not one we wrote.
      if (folder !== this.folder && current![section.end - 1] === 10) {
        others.push(current!.subarray(section.start, section.end));
      }
    }
    const temp = `${this.file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    // `wx`: never follows or overwrites something already there under the temporary name.
    const handle = await fs.promises.open(temp, 'wx');
    let renamed = false;
    try {
      await handle.write(`${asciiJson({ format: FORMAT, version: INDEX_CACHE_VERSION, parser: NOTE_PARSER_VERSION })}\n`);
      for (const section of others) {
        await handle.write(section);
      }
      const chunks = Math.ceil(records.length / CHUNK_ENTRIES);
      await handle.write(`${asciiJson({ folder: this.folder, notes: records.length, chunks })}\n`);
      // A chunk at a time, yielding in between: stringifying 30 MB at once would hold the
      // extension host for a noticeable moment.
      for (let c = 0; c < chunks; c++) {
        const entries = records.slice(c * CHUNK_ENTRIES, (c + 1) * CHUNK_ENTRIES).map((r) => {
          const { stamp } = r;
          return [r.name, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, r.parsed];
        });
        await handle.write(`${asciiJson(entries)}\n`);
        await yieldToEventLoop();
      }
      await handle.close();
      await fs.promises.rename(temp, this.file);
      renamed = true;
      return true;
    } finally {
      if (!renamed) {
        await handle.close().catch(() => undefined);
        await fs.promises.rm(temp, { force: true }).catch(() => undefined);
      }
    }
  }
}

/**
 * The whole file in one read on the thread pool (fs.promises' readFile reads in 512 KiB pieces,
 * each a round trip through the event loop); undefined if missing, not a file, or too large.
 */
async function readCacheFile(file: string): Promise<Buffer | undefined> {
  let fd: number;
  try {
    fd = await call<number>((cb) => fs.open(file, 'r', cb));
  } catch {
    return undefined;
  }
  try {
    const stat = await call<fs.Stats>((cb) => fs.fstat(fd, cb));
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) {
      return undefined;
    }
    const buffer = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < stat.size) {
      const n = await call<number>((cb) => fs.read(fd, buffer, filled, stat.size - filled, filled, cb));
      if (n === 0) {
        break;
      }
      filled += n;
    }
    return buffer.subarray(0, filled);
  } catch {
    return undefined;
  } finally {
    fs.close(fd, () => undefined);
  }
}

function call<T>(start: (cb: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}

interface Section {
  /** Byte range of the section, its header line included. */
  start: number;
  end: number;
  /** How many entries its header announces. */
  notes: number;
  /** Byte ranges of its chunk lines, without the line break. */
  lines: [number, number][];
}

/** The file's folder sections, or undefined when the header is not ours or the layout is off. */
function splitSections(buffer: Buffer): Map<string, Section> | undefined {
  let pos = 0;
  const nextLine = (): [number, number] | undefined => {
    if (pos >= buffer.length) {
      return undefined;
    }
    const nl = buffer.indexOf(10, pos);
    const line: [number, number] = [pos, nl < 0 ? buffer.length : nl];
    pos = nl < 0 ? buffer.length : nl + 1;
    return line;
  };
  const header = nextLine();
  const head = header && parseJson(buffer.toString('utf8', header[0], header[1]));
  if (!isObject(head) || head.format !== FORMAT || head.version !== INDEX_CACHE_VERSION || head.parser !== NOTE_PARSER_VERSION) {
    return undefined;
  }
  const sections = new Map<string, Section>();
  for (let line = nextLine(); line; line = nextLine()) {
    const start = line[0];
    const folderHead = parseJson(buffer.toString('utf8', line[0], line[1]));
    if (!isObject(folderHead) || typeof folderHead.folder !== 'string' || !isCount(folderHead.notes) || !isCount(folderHead.chunks) || sections.has(folderHead.folder)) {
      return undefined;
    }
    const lines: [number, number][] = [];
    for (let i = 0; i < folderHead.chunks; i++) {
      const entry = nextLine();
      if (!entry) {
        return undefined;
      }
      lines.push(entry);
    }
    sections.set(folderHead.folder, { start, end: pos, notes: folderHead.notes, lines });
  }
  return sections;
}

/** One line entry as stored: name, size, mtimeMs, ctimeMs, ino, then the parsed note unchecked. */
type CacheEntry = [string, number, number, number, number, unknown];

function parseEntry(value: unknown): CacheEntry | undefined {
  if (!Array.isArray(value) || value.length !== 6) {
    return undefined;
  }
  const [name, size, mtimeMs, ctimeMs, ino] = value as unknown[];
  if (typeof name !== 'string' || name.includes('/') || name.includes('\\') || !isCount(size) || !isFiniteNumber(mtimeMs) || !isFiniteNumber(ctimeMs) || !isFiniteNumber(ino)) {
    return undefined;
  }
  return value as CacheEntry;
}

/**
 * A cached parsed note if it is something parseNote could have returned for a file named
 * `<id>.md` of `size` bytes; undefined otherwise. Checked in place rather than copied (copying
 * 10,000 notes doubled the garbage a warm start makes); any key we never write means the entry
 * is not ours, so nothing unchecked can ride along.
 */
export function readParsed(raw: unknown, id: string, size: number): CachedParse | undefined {
  if (!isObject(raw) || !onlyKeys(raw, PARSE_KEYS) || !isObject(raw.note) || !onlyKeys(raw.note, NOTE_KEYS)) {
    return undefined;
  }
  if (!Array.isArray(raw.problems) || raw.problems.length > 1000 || !isCount(raw.bodyLine) || raw.bodyLine > size) {
    return undefined;
  }
  const n = raw.note;
  if (!(isText(n.title, size) || n.title === id) || !isOneOf(n.status, STATUSES) || !isOneOf(n.severity, SEVERITIES)) {
    return undefined;
  }
  if (!isOptionalText(n.author, size) || !isOptionalText(n.branch, size) || !isOptionalTime(n.occurred, size) || !isOptionalTime(n.logged, size) || !isOptionalTime(n.resolved, size)) {
    return undefined;
  }
  if (!(n.head === undefined || (typeof n.head === 'string' && SHA_PATTERN.test(n.head)))) {
    return undefined;
  }
  if (!Array.isArray(n.commits) || !Array.isArray(n.files) || !Array.isArray(n.tags)) {
    return undefined;
  }
  // Plain loops and module-level checks, not closures and `every`: this runs for every cached
  // note on a warm start, where it measured a fifth of the time.
  for (const tag of n.tags as unknown[]) {
    if (!isText(tag, size)) {
      return undefined;
    }
  }
  for (const c of n.commits as unknown[]) {
    if (!isObject(c) || !onlyKeys(c, COMMIT_KEYS) || typeof c.sha !== 'string' || !SHA_PATTERN.test(c.sha) || !isOneOf(c.role, COMMIT_ROLES) || !isOptionalText(c.subject, size)) {
      return undefined;
    }
  }
  for (const f of n.files as unknown[]) {
    if (!isLinkedFile(f, size)) {
      return undefined;
    }
  }
  for (const p of raw.problems as unknown[]) {
    // Messages quote values from the file plus a sentence: a generous bound, not an exact one.
    if (!isObject(p) || !onlyKeys(p, PROBLEM_KEYS) || (p.level !== 'error' && p.level !== 'warning') || typeof p.message !== 'string' || p.message.length > size + 1000) {
      return undefined;
    }
    if (p.line !== undefined && !(isCount(p.line) && p.line >= 1)) {
      return undefined;
    }
  }
  // The id is the file name, not stored: a cache cannot give a note another one.
  n.id = id;
  return raw as unknown as CachedParse;
}

const PARSE_KEYS = new Set(['note', 'problems', 'bodyLine']);
const NOTE_KEYS = new Set(['title', 'status', 'severity', 'author', 'occurred', 'logged', 'branch', 'head', 'resolved', 'commits', 'files', 'tags']);
const COMMIT_KEYS = new Set(['sha', 'role', 'subject']);
const FILE_KEYS = new Set(['path', 'lines', 'commit', 'anchor', 'uncommitted']);
const PROBLEM_KEYS = new Set(['level', 'message', 'line']);

function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!allowed.has(key)) {
      return false;
    }
  }
  return true;
}

function isLinkedFile(f: unknown, size: number): f is LinkedFile {
  if (!isObject(f) || !onlyKeys(f, FILE_KEYS) || typeof f.path !== 'string' || f.path.length > size || f.path.trim() === '' || unsafePathReason(f.path)) {
    return false;
  }
  const lines = f.lines;
  if (lines !== undefined && (!Array.isArray(lines) || lines.length !== 2 || !isLineNumber(lines[0]) || !isLineNumber(lines[1]) || lines[0] > lines[1])) {
    return false;
  }
  if (f.commit !== undefined && (typeof f.commit !== 'string' || !SHA_PATTERN.test(f.commit))) {
    return false;
  }
  if (f.anchor !== undefined && (typeof f.anchor !== 'string' || f.anchor.length > size)) {
    return false;
  }
  return f.uncommitted === undefined || f.uncommitted === 'modified' || f.uncommitted === 'untracked' || f.uncommitted === 'unsaved';
}

/** Text from the file is never longer than the file (in UTF-16 units, at most its bytes). */
function isText(value: unknown, size: number): value is string {
  return typeof value === 'string' && value.length <= size;
}

function isOptionalText(value: unknown, size: number): boolean {
  return value === undefined || isText(value, size);
}

function isLineNumber(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 1;
}

function isOptionalTime(value: unknown, size: number): boolean {
  return value === undefined || (typeof value === 'string' && value.length <= size && isDateTime(value));
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;

/** JSON with every non-ASCII character escaped, so the file decodes as one-byte text. */
function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  return NON_ASCII.test(json) ? json.replace(NON_ASCII_ALL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
