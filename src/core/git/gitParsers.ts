// Parsers for the machine-readable outputs of the git commands Candor runs.

export interface BlameCommit {
  sha: string;
  summary?: string;
  committerTime?: number;
  /** The author's email, without <>: whose change it was. */
  authorMail?: string;
}

const ZERO_SHA = /^0{40}$/;

/** `git blame --porcelain`: the distinct commits behind the lines, in order of appearance. */
export function parseBlamePorcelain(output: string): { commits: BlameCommit[]; uncommitted: boolean; lines: string[] } {
  const byShaOrder: BlameCommit[] = [];
  const bySha = new Map<string, BlameCommit>();
  const lines: string[] = [];
  let uncommitted = false;
  let current: BlameCommit | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith('\t')) {
      lines.push(line.slice(1));
      continue;
    }
    const header = /^([0-9a-f]{40}) \d+ \d+/.exec(line);
    if (header) {
      const sha = header[1];
      if (ZERO_SHA.test(sha)) {
        uncommitted = true;
        current = undefined;
        continue;
      }
      current = bySha.get(sha);
      if (!current) {
        current = { sha };
        bySha.set(sha, current);
        byShaOrder.push(current);
      }
      continue;
    }
    if (!current) {
      continue;
    }
    if (line.startsWith('summary ')) {
      current.summary = line.slice('summary '.length);
    } else if (line.startsWith('author-mail ')) {
      current.authorMail = line.slice('author-mail '.length).replace(/^<|>$/g, '');
    } else if (line.startsWith('committer-time ')) {
      current.committerTime = Number(line.slice('committer-time '.length));
    }
  }
  return { commits: byShaOrder, uncommitted, lines };
}

export interface StatusSummary {
  /** HEAD's sha, or undefined when the repository has no commit yet. */
  head?: string;
  /** The branch name, or undefined when HEAD is detached. */
  branch?: string;
  detached: boolean;
  /** Repository-relative path → what git says about it. */
  entries: Map<string, 'modified' | 'untracked' | 'ignored'>;
}

/** `git status --porcelain=v2 --branch -z`. */
export function parseStatusV2(output: string): StatusSummary {
  const summary: StatusSummary = { detached: false, entries: new Map() };
  const records = output.split('\u0000');
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record.startsWith('# branch.oid ')) {
      const oid = record.slice('# branch.oid '.length);
      summary.head = oid === '(initial)' ? undefined : oid;
    } else if (record.startsWith('# branch.head ')) {
      const head = record.slice('# branch.head '.length);
      summary.detached = head === '(detached)';
      summary.branch = summary.detached ? undefined : head;
    } else if (record.startsWith('1 ')) {
      summary.entries.set(fieldsFrom(record, 8), 'modified');
    } else if (record.startsWith('2 ')) {
      summary.entries.set(fieldsFrom(record, 9), 'modified');
      i++; // the rename's original path follows as its own record
    } else if (record.startsWith('u ')) {
      summary.entries.set(fieldsFrom(record, 10), 'modified');
    } else if (record.startsWith('? ')) {
      summary.entries.set(record.slice(2), 'untracked');
    } else if (record.startsWith('! ')) {
      summary.entries.set(record.slice(2), 'ignored');
    }
  }
  return summary;
}

/** The path at the end of a status record: everything after the first `count` space-separated fields. */
function fieldsFrom(record: string, count: number): string {
  let index = 0;
  for (let n = 0; n < count; n++) {
    index = record.indexOf(' ', index) + 1;
  }
  return record.slice(index);
}

export interface LogEntry {
  sha: string;
  subject: string;
  author: string;
  time: number;
}

export const LOG_FORMAT = '--format=%H%x1f%s%x1f%an%x1f%ct%x1e';

export function parseLog(output: string): LogEntry[] {
  return output
    .split('\u001e')
    .map((r) => r.replace(/^\n/, ''))
    .filter((r) => r.length > 0)
    .map((r) => {
      const [sha, subject, author, time] = r.split('\u001f');
      return { sha, subject: subject ?? '', author: author ?? '', time: Number(time) };
    });
}

/** Filter drivers named in `git config --get-regexp` output, to neutralise them. */
export function filterDriverNames(configOutput: string): string[] {
  const names = new Set<string>();
  for (const line of configOutput.split('\n')) {
    const match = /^filter\.(.+)\.(?:clean|smudge|process)\s/.exec(line);
    if (match) {
      names.add(match[1]);
    }
  }
  return [...names];
}

/** A key's effective value: git lists system, global then local values, and the last one wins. */
export function configValue(configOutput: string, key: string): string | undefined {
  let value: string | undefined;
  for (const line of configOutput.split('\n')) {
    if (line.startsWith(`${key} `)) {
      value = line.slice(key.length + 1);
    }
  }
  return value;
}
