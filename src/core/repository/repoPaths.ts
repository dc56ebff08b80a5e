// Paths in notes are relative to the repository root with forward slashes. A note may come from a
// hostile repository, so a linked path is only ever resolved when it stays inside the root.
import * as path from 'path';
import * as fs from 'fs';

export function toRepoRelative(root: string, absPath: string): string | undefined {
  const rel = path.relative(root, absPath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    return undefined;
  }
  return rel.split(path.sep).join('/');
}

/** Why a linked path may not be followed, or undefined when it is a plain relative path. */
export function unsafePathReason(linked: string): string | undefined {
  if (linked.includes('\u0000')) {
    return 'contains a NUL byte';
  }
  // The usual case, decided without normalising: relative, no drive, no `..` anywhere.
  const first = linked.charCodeAt(0);
  if (first !== 47 && first !== 92 && !linked.includes('..') && !(linked.length > 1 && linked.charCodeAt(1) === 58)) {
    return undefined;
  }
  if (path.posix.isAbsolute(linked) || path.win32.isAbsolute(linked) || /^[a-zA-Z]:/.test(linked)) {
    return 'is absolute';
  }
  const normal = path.posix.normalize(linked.replace(/\\/g, '/'));
  if (normal === '..' || normal.startsWith('../')) {
    return 'leaves the repository';
  }
  return undefined;
}

/**
 * The absolute path of a linked file, or undefined when it would leave the root, also through a
 * symbolic link anywhere on the way. A file that does not exist (yet) is judged by its deepest
 * existing folder, so a link through `link -> /etc` is refused even for a missing file.
 */
export function resolveInside(root: string, linked: string): string | undefined {
  if (unsafePathReason(linked)) {
    return undefined;
  }
  const abs = path.resolve(root, ...linked.split(/[\\/]/));
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return undefined;
  }
  const real = realpathOfDeepestExisting(abs);
  if (real === undefined) {
    return undefined;
  }
  const rel = path.relative(realRoot, real);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : abs;
}

/** The real path of `abs`, resolving its deepest existing ancestor and keeping the rest as is. */
export function realpathOfDeepestExisting(abs: string): string | undefined {
  const rest: string[] = [];
  let current = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) {
        return undefined;
      }
      rest.push(path.basename(current));
      current = parent;
    }
  }
}
