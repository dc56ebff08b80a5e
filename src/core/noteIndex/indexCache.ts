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
// Each folder's section is signed (HMAC-SHA256) with a key only this user's Candor has
// (cacheKey.ts, outside every repository); a section whose signature does not match, a planted
// cache or one edited by hand, is not read at all. A signed entry is what parseNote gave for the
// file on this machine, so a warm start uses it as it is, for a file whose size, modification
// time, change time and inode all still match. Checking every entry instead cost more than
// reading the whole file (docs/performance.md). Anything else about the file (wrong version, wrong
// parser, bad JSON, bad layout, no key) means: ignore it, parse the notes, write a new one.
//
// Format (JSON Lines, so that a folder's entries are read a chunk at a time, yielding between
// chunks, and other folders' sections are copied through without being parsed; a few hundred
// entries per line, since each decode and parse call has a cost of its own):
//   {"format":"candor-index-cache","version":3,"parser":<NOTE_PARSER_VERSION>}
//   {"folder":"incidents","notes":<n>,"chunks":<k>}
//   [["<file name>",<size>,<mtimeMs>,<ctimeMs>,<ino>,{"note":…,"problems":…,"bodyLine":…}], …]   × k
//   {"mac":"<hex HMAC-SHA256 of the first line and of the section's lines before this one>"}
//   … further folders …
// The file is pure ASCII (other characters as JSON \u escapes): decoding it as Latin-1 and parsing
// one-byte strings measured 4-5 times faster than UTF-8 decoding of the same 30 MB, whose few
// non-ASCII characters (an ellipsis in an anchor) turn whole lines into two-byte strings.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { readCacheKey, userStateDir } from './cacheKey';
import { fileBytes, runAsync } from './fileCalls';
import { type FileStamp } from './fileStamp';
import { CACHED_FIELDS } from '../noteFormat/noteFields';
import { type Note, type NoteProblem } from '../noteFormat/noteModel';
import { NOTE_PARSER_VERSION } from '../noteFormat/noteParser';
import { findGitDir } from '../repository/repoRoot';
import { SLICE_MS, yieldToEventLoop } from '../timeSlices';

const FORMAT = 'candor-index-cache';
/** Changes with the file's layout; NOTE_PARSER_VERSION covers what a parsed note contains. */
// 2: the resolved time is kept (version 1 dropped it, so insights lost every fix time after a
// warm start). 3: sections are signed.
export const INDEX_CACHE_VERSION = 3;
export const INDEX_CACHE_FILE = 'index-cache.json';
/** A cache this large is not a cache of notes (10,000 notes make about 30 MB). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;
/** Entries per line of the file. */
const CHUNK_ENTRIES = 256;

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
 * What is stored of a note: the fields the field table marks as cached (all but the id, which is
 * the file name, and the body, which is not kept), copied one by one so that a lazy body is not read.
 */
export function cachedFields(note: Note): Omit<Note, 'body' | 'id'> {
  const kept: Record<string, unknown> = {};
  for (const key of CACHED_FIELDS) {
    kept[key] = note[key];
  }
  return kept as Omit<Note, 'body' | 'id'>;
}

/** One folder's entries as loaded: looked up by name, used only when the stamp matches. */
export class CachedNotes {
  constructor(private readonly entries: Map<string, CacheEntry>) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached note for `name` if its stamp matches; else undefined. */
  take(name: string, stamp: FileStamp): CachedParse | undefined {
    const entry = this.entries.get(name);
    // The entry as parsed from the file, compared in place: no object per entry for 10,000 notes.
    if (!entry || entry[1] !== stamp.size || entry[2] !== stamp.mtimeMs || entry[3] !== stamp.ctimeMs || entry[4] !== stamp.ino) {
      return undefined;
    }
    const parsed = entry[5];
    // The id is the file name (a note file's name ends in `.md`, any case), not stored.
    parsed.note.id = name.slice(0, -3);
    return parsed;
  }
}

const NONE = new CachedNotes(new Map());

/**
 * The cache for `incidentsDir` in the repository at `repoRoot`, or undefined where there is none
 * (no git dir; the folder outside the repository). While `writable()` is false (an untrusted
 * workspace) it is still read but never written, and no signing key is made.
 */
export function openIndexCache(repoRoot: string, incidentsDir: string, options: IndexCacheOptions): IndexCache | undefined {
  const relative = path.relative(path.resolve(repoRoot), path.resolve(incidentsDir));
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return undefined;
  }
  const gitDir = findGitDir(repoRoot);
  if (!gitDir) {
    return undefined;
  }
  const folder = relative.split(path.sep).join('/') || '.';
  return new IndexCache(path.join(gitDir, 'candor', INDEX_CACHE_FILE), folder, options.writable, options.keyDir ?? userStateDir());
}

export interface IndexCacheOptions {
  /** Whether the cache may be written now (false in an untrusted workspace: read only). */
  writable: () => boolean;
  /** Where the signing key is kept (default: userStateDir()); tests use their own. */
  keyDir?: string;
}

/** Saves to one file are queued, so two folders of one repository never drop each other's. */
const saving = new Map<string, Promise<unknown>>();

export class IndexCache {
  constructor(readonly file: string, readonly folder: string, private readonly canWrite: () => boolean, private readonly keyDir: string) {}

  get writable(): boolean {
    return this.canWrite();
  }

  /** Whether the cache file is there: without it a scan need not take stats before reading the notes. */
  present(): boolean {
    try {
      return fs.statSync(this.file, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  }

  /** This folder's entries; empty when the file is missing, foreign, old, broken or not signed by us. Never throws. */
  async load(): Promise<CachedNotes> {
    const key = readCacheKey(this.keyDir, false);
    const buffer = key && (await readCacheFile(this.file));
    if (!buffer) {
      return NONE;
    }
    try {
      const sections = splitSections(buffer);
      const mine = sections?.get(this.folder);
      if (!mine || !crypto.timingSafeEqual(sign(key, buffer.subarray(0, sections!.headerEnd), buffer.subarray(mine.start, mine.macStart)), mine.mac)) {
        return NONE;
      }
      const entries = new Map<string, CacheEntry>();
      let sliceStart = Date.now();
      for (const line of mine.lines) {
        // Latin-1: we write ASCII only.
        const chunk = JSON.parse(buffer.toString('latin1', line[0], line[1])) as CacheEntry[];
        for (const entry of chunk) {
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
    const key = readCacheKey(this.keyDir, true);
    if (!key) {
      return false;
    }
    const temp = `${this.file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    // `wx`: never follows or overwrites something already there under the temporary name.
    const handle = await fs.promises.open(temp, 'wx');
    let renamed = false;
    try {
      const header = `${asciiJson({ format: FORMAT, version: INDEX_CACHE_VERSION, parser: NOTE_PARSER_VERSION })}\n`;
      const mac = crypto.createHmac('sha256', key).update(header);
      await handle.write(header);
      for (const section of others) {
        await handle.write(section);
      }
      const chunks = Math.ceil(records.length / CHUNK_ENTRIES);
      const folderHead = `${asciiJson({ folder: this.folder, notes: records.length, chunks })}\n`;
      mac.update(folderHead);
      await handle.write(folderHead);
      // A chunk at a time, yielding in between: stringifying 30 MB at once would hold the
      // extension host for a noticeable moment.
      for (let c = 0; c < chunks; c++) {
        const entries = records.slice(c * CHUNK_ENTRIES, (c + 1) * CHUNK_ENTRIES).map((r) => {
          const { stamp } = r;
          return [r.name, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, r.parsed];
        });
        const line = `${asciiJson(entries)}\n`;
        mac.update(line);
        await handle.write(line);
        await yieldToEventLoop();
      }
      await handle.write(`${asciiJson({ mac: mac.digest('hex') })}\n`);
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
  return (await runAsync(fileBytes(file, MAX_CACHE_BYTES)))?.bytes;
}

interface Section {
  /** Byte range of the section, its folder line and signature line included. */
  start: number;
  end: number;
  /** Where its signature line starts: the section's signed bytes are start..macStart. */
  macStart: number;
  mac: Buffer;
  /** How many entries its folder line announces. */
  notes: number;
  /** Byte ranges of its chunk lines, without the line break. */
  lines: [number, number][];
}

interface Sections extends Map<string, Section> {
  /** Where the first line (format, version, parser) ends, its line break included. */
  headerEnd: number;
}

/** The file's folder sections, or undefined when the header is not ours or the layout is off. */
function splitSections(buffer: Buffer): Sections | undefined {
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
  const sections = Object.assign(new Map<string, Section>(), { headerEnd: pos });
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
    const macLine = nextLine();
    const signature = macLine && parseJson(buffer.toString('latin1', macLine[0], macLine[1]));
    if (!macLine || !isObject(signature) || typeof signature.mac !== 'string' || !MAC_TEXT.test(signature.mac)) {
      return undefined;
    }
    sections.set(folderHead.folder, { start, end: pos, macStart: macLine[0], mac: Buffer.from(signature.mac, 'hex'), notes: folderHead.notes, lines });
  }
  return sections;
}

const MAC_TEXT = /^[0-9a-f]{64}$/;

/** The signature of a section: the file's first line and the section's lines up to its signature. */
function sign(key: Buffer, header: Buffer, section: Buffer): Buffer {
  return crypto.createHmac('sha256', key).update(header).update(section).digest();
}

/** One line entry as stored: name, size, mtimeMs, ctimeMs, ino, then the parsed note. */
type CacheEntry = [string, number, number, number, number, CachedParse];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
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
