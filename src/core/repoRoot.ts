// The repository root without starting git: linked paths are relative to it, and notes must be
// readable (hovers, the tree) even where git may not run, as in an untrusted workspace.
import * as fs from 'fs';
import * as path from 'path';

export function findRepoRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}
