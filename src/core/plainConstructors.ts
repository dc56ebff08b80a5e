// Constructors for the objects a scan of the incidents folder keeps by the thousand: a note's
// fields, its linked commits and files, a file's stamp. Why not object and array literals: V8
// follows every literal's allocation site, and when it sees that a site's objects survive (an
// index keeps all of them), it switches the site to old-space allocation in the middle of the
// scan and throws away every optimized function that inlined it. The layout reader then runs
// unoptimized until compiled again, on the same two cores the scan is using: measured, ~8 % of a
// 10,000-note first index (bench/README.md, sixth round). An object made by `new` has no
// allocation site; an array made by `Array.of` neither.
//
// Each constructor's prototype is Object.prototype, so what it makes is a plain object to every
// observer (util.inspect, assert.deepStrictEqual, spread, JSON, Object.getPrototypeOf): only the
// engine sees the difference. Keep the field order of the literals they replace.
import type { Stats } from 'fs';
import type { Freshness } from './noteFileRead';
import type { CommitRole, LinkedCommit, LinkedFile, Note } from './noteModel';

/** `init` as a constructor of plain objects, typed for `new`. */
export function plain<A extends unknown[], T>(init: (this: T, ...args: A) => void): new (...args: A) => T {
  (init as unknown as { prototype: object }).prototype = Object.prototype;
  return init as unknown as new (...args: A) => T;
}

/**
 * A list to keep, built with a literal (kept only briefly, it is no concern of the above): its
 * copy has no allocation site. `Array.of()` has none either, but its arrays start as lists of
 * small integers and change kind at the first string or object pushed, which sent the compiled
 * reader back to be compiled again.
 */
export function keptList<T>(list: T[]): T[] {
  return list.slice();
}

/** What a note named `id` is before its front matter says otherwise (see defaultFields). */
export const NoteFields = plain(function (this: Omit<Note, 'body'>, id: string) {
  this.id = id;
  this.title = id;
  this.status = 'open';
  this.severity = 'medium';
  this.commits = Array.of();
  this.files = Array.of();
  this.tags = Array.of();
  this.author = undefined;
  this.occurred = undefined;
  this.logged = undefined;
  this.branch = undefined;
  this.head = undefined;
  this.resolved = undefined;
});

export const CommitLink = plain(function (this: LinkedCommit, sha: string, role: CommitRole, subject: string | undefined) {
  this.sha = sha;
  this.role = role;
  this.subject = subject;
});

/** A linked file with the fields it has, in the order readFile gives them. */
export const FileLink = plain(function (
  this: LinkedFile, path: string, lines: [number, number] | undefined, commit: string | undefined,
  anchor: string | undefined, uncommitted: LinkedFile['uncommitted'],
) {
  this.path = path;
  if (lines !== undefined) {
    this.lines = lines;
  }
  if (commit !== undefined) {
    this.commit = commit;
  }
  if (anchor !== undefined) {
    this.anchor = anchor;
  }
  if (uncommitted !== undefined) {
    this.uncommitted = uncommitted;
  }
});

/** A file's stamp, and whether the index may cache what it read with it. */
export const FreshnessRecord = plain(function (this: Freshness, stat: Stats, cacheable: boolean) {
  // Sizes and inode numbers are small integers almost always; kept as such rather than as the
  // doubles fs.Stats holds, V8 stores them in place instead of as a boxed number each.
  this.size = smallInteger(stat.size);
  this.mtimeMs = stat.mtimeMs;
  this.ctimeMs = stat.ctimeMs;
  this.ino = smallInteger(stat.ino);
  this.cacheable = cacheable;
});

/** `n`, as an integer V8 keeps unboxed when it is one (below 2^30); otherwise unchanged. */
function smallInteger(n: number): number {
  return n >= 0 && n < 0x40000000 ? n | 0 : n;
}
