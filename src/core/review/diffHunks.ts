// The change under review as git describes it: each file's old and new path (renames followed)
// and its hunks, read from `git diff -M --unified=0`. Zero context lines make every hunk exactly
// the lines that changed, which is what "touches" is measured against.

/** One hunk: `oldCount` lines from `oldStart` became `newCount` lines from `newStart` (a count of 0 means "after that line"). */
export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

export interface FileChange {
  /** Repo-relative path at the base; undefined for an added file. */
  oldPath: string | undefined;
  /** Repo-relative path at the head; undefined for a deleted file. */
  newPath: string | undefined;
  binary: boolean;
  hunks: Hunk[];
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses the output of `git diff --unified=0 --src-prefix=a/ --dst-prefix=b/`. */
export function parseDiff(output: string): FileChange[] {
  const changes: FileChange[] = [];
  let current: FileChange | undefined;
  let inHeader = false;
  for (const line of output.split('\n')) {
    if (line.startsWith('diff --git ')) {
      const paths = headerPaths(line.slice('diff --git '.length));
      current = { oldPath: paths?.[0], newPath: paths?.[1], binary: false, hunks: [] };
      changes.push(current);
      inHeader = true;
      continue;
    }
    if (!current) {
      continue;
    }
    const hunk = HUNK.exec(line);
    if (hunk) {
      inHeader = false;
      current.hunks.push({
        oldStart: Number(hunk[1]), oldCount: hunk[2] === undefined ? 1 : Number(hunk[2]),
        newStart: Number(hunk[3]), newCount: hunk[4] === undefined ? 1 : Number(hunk[4]),
      });
      continue;
    }
    if (inHeader) {
      readHeaderLine(current, line);
    }
  }
  return changes;
}

function readHeaderLine(change: FileChange, line: string): void {
  if (line.startsWith('new file mode')) {
    change.oldPath = undefined;
  } else if (line.startsWith('deleted file mode')) {
    change.newPath = undefined;
  } else if (line.startsWith('rename from ')) {
    change.oldPath = unquote(line.slice('rename from '.length));
  } else if (line.startsWith('rename to ')) {
    change.newPath = unquote(line.slice('rename to '.length));
  } else if (line.startsWith('--- ')) {
    change.oldPath = sidePath(line.slice(4), 'a/');
  } else if (line.startsWith('+++ ')) {
    change.newPath = sidePath(line.slice(4), 'b/');
  } else if (line.startsWith('Binary files ') || line === 'GIT binary patch') {
    change.binary = true;
  }
}

function sidePath(raw: string, prefix: string): string | undefined {
  if (raw === '/dev/null') {
    return undefined;
  }
  const path = unquote(raw.replace(/\t$/, ''));
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** `a/<p> b/<p>` of a `diff --git` line; spaces make it ambiguous unless both sides are the same path (an edit). */
function headerPaths(rest: string): [string, string] | undefined {
  if (rest.startsWith('"')) {
    const end = closingQuote(rest);
    const left = unquote(rest.slice(0, end + 1));
    const right = unquote(rest.slice(end + 2));
    return [left.replace(/^a\//, ''), right.replace(/^b\//, '')];
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3) && rest.startsWith('a/') && rest.slice(half + 1).startsWith('b/')) {
    return [rest.slice(2, half), rest.slice(half + 3)];
  }
  return undefined; // the ---/+++ or rename lines that follow say it
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '"') {
      return i;
    }
  }
  return text.length - 1;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Git's C-style quoting of unusual paths (`"caf\303\251.ts"`), undone; plain paths are returned as they are. */
export function unquote(raw: string): string {
  if (!raw.startsWith('"') || !raw.endsWith('"') || raw.length < 2) {
    return raw;
  }
  const bytes: number[] = [];
  const body = raw.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
