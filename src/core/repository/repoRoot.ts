// The repository root without starting git: linked paths are relative to it, and notes must be
// readable (hovers, the tree) even where git may not run, as in an untrusted workspace; and its
// git dir, where the index cache is kept, found the same way.
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
