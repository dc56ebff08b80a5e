// Realistic repositories for the benchmark: source files, and notes as Log Mistake writes them
// (varied sizes, linked lines with anchors, commits, tags, task items), some hand-edited and a few
// malformed, committed in a real git repository. Deterministic: the same seed, the same bytes.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { makeAnchor, sliceLines } from '../src/core/anchoring/recordedAnchor';
import { noteId, slugify } from '../src/core/noteFormat/fileName';
import { renderNote, type NoteDraft } from '../src/core/noteWriting/newNoteFile';
import { SEVERITIES, type LinkedCommit, type LinkedFile, type SectionKey } from '../src/core/noteFormat/noteModel';

export interface GeneratedRepo {
  root: string;
  incidents: string;
  notes: number;
  bytes: number;
  /** A committed source file and a range in it, for Log Mistake's capture. */
  sample: { file: string; startLine: number; endLine: number };
}

const SOURCE_FILES = 200;
const SOURCE_LINES = 120;

export function prng(seed: number): () => number {
  // xorshift32: tiny, deterministic, good enough to vary test data.
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const WORDS = (
  'cache flush production database migration deploy rollback config secret token queue worker retry timeout ' +
  'index schema backup restore permission branch merge release hotfix feature flag rate limit memory leak disk ' +
  'latency alert pager customer invoice payment email job cron script staging cluster node pod dns certificate ' +
  'expired rotated dropped deleted overwrote forgot skipped reverted misread assumed ran pushed tagged'
).split(' ');
const TAGS = ['cache', 'db', 'deploy', 'k8s', 'security', 'billing', 'ci', 'oncall', 'data-loss', 'config', 'dns', 'perf'];
const AUTHORS = ['Ada Lovelace <ada@example.com>', 'Grace Hopper <grace@example.com>', 'Linus Torvalds <linus@example.com>', 'Margaret Hamilton <mh@example.com>', 'Alan Turing <alan@example.com>'];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function sentence(rnd: () => number, words: number): string {
  const out = Array.from({ length: words }, () => pick(rnd, WORDS));
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')}.`;
}

function paragraph(rnd: () => number, bytes: number): string {
  let out = '';
  while (out.length < bytes) {
    out += `${sentence(rnd, 6 + Math.floor(rnd() * 12))} `;
  }
  return out.trim();
}

function hex(rnd: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    out += Math.floor(rnd() * 16).toString(16);
  }
  return out;
}

function sourceText(n: number): string {
  const lines: string[] = [`// Module ${n}`, `export class Service${n} {`];
  for (let i = 0; lines.length < SOURCE_LINES - 1; i++) {
    lines.push(`  method${i}(key: string): number {`, `    const value = this.store.get(key) ?? ${i};`, '    return value * 2;', '  }', '');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Body size in bytes: most notes short, a long tail of post-mortems. */
function bodySize(rnd: () => number): number {
  const r = rnd();
  return r < 0.6 ? 200 + Math.floor(rnd() * 1200) : r < 0.95 ? 1400 + Math.floor(rnd() * 3000) : 5000 + Math.floor(rnd() * 15000);
}

function draftFor(rnd: () => number, i: number, sources: string[]): NoteDraft {
  const occurred = new Date(Date.UTC(2023, 0, 1) + Math.floor(rnd() * 3 * 365 * 86400) * 1000);
  const files: LinkedFile[] = [];
  for (let f = Math.floor(rnd() * rnd() * 4); f > 0; f--) {
    const n = Math.floor(rnd() * SOURCE_FILES);
    const start = 3 + Math.floor(rnd() * (SOURCE_LINES - 20));
    const end = start + Math.floor(rnd() * 15);
    files.push({
      path: `src/module${n}.ts`,
      lines: [start, end],
      commit: hex(rnd, 40),
      anchor: makeAnchor(sliceLines(sources[n], start, end)),
      uncommitted: rnd() < 0.05 ? 'modified' : undefined,
    });
  }
  const commits: LinkedCommit[] = Array.from({ length: Math.floor(rnd() * 3) }, () => ({
    sha: hex(rnd, 40),
    role: pick(rnd, ['introduced', 'fixed', 'related'] as const),
    subject: sentence(rnd, 3 + Math.floor(rnd() * 6)).slice(0, -1),
  }));
  const size = bodySize(rnd);
  const sections: Partial<Record<SectionKey, string>> = {
    tryingTo: paragraph(rnd, size * 0.2),
    action: paragraph(rnd, size * 0.2),
    outcome: paragraph(rnd, size * 0.25),
  };
  if (rnd() < 0.5) {
    sections.impact = paragraph(rnd, size * 0.15);
  }
  if (rnd() < 0.4) {
    sections.prevention = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => `- [${rnd() < 0.4 ? 'x' : ' '}] ${sentence(rnd, 5)}`).join('\n');
  }
  if (rnd() < 0.6) {
    sections.learnings = paragraph(rnd, size * 0.2);
  }
  let title = sentence(rnd, 3 + Math.floor(rnd() * 7)).slice(0, -1);
  if (rnd() < 0.05) {
    title = `${title}: "${pick(rnd, WORDS)}" #${i}`;
  }
  return {
    title,
    status: pick(rnd, ['open', 'mitigated', 'resolved', 'resolved'] as const),
    severity: pick(rnd, SEVERITIES),
    author: pick(rnd, AUTHORS),
    occurred,
    logged: new Date(occurred.getTime() + Math.floor(rnd() * 3600_000)),
    branch: rnd() < 0.8 ? 'main' : `feature/${pick(rnd, WORDS)}`,
    head: hex(rnd, 40),
    commits,
    files,
    tags: Array.from(new Set(Array.from({ length: Math.floor(rnd() * 4) }, () => pick(rnd, TAGS)))),
    sections,
  };
}

/** What people do to notes by hand: comments, a field of their own, CRLF, or break them. */
function handEdit(rnd: () => number, text: string): string {
  const r = rnd();
  if (r < 0.3) {
    return text.replace(/^status: (\w+)$/m, 'status: $1   # reviewed on Monday');
  }
  if (r < 0.5) {
    return text.replace(/^tags: (.*)$/m, 'tags: $1\nreviewers: [grace, linus]');
  }
  if (r < 0.7) {
    return text.replace(/\n/g, '\r\n');
  }
  return text.replace(/^id: .*$/m, '$&\n# keep the id in sync with the file name');
}

/** A malformed note of one of several kinds, as the Needs attention group shows them. */
function breakNote(rnd: () => number, text: string): string {
  const kinds = [
    (t: string) => t.replace(/^title: .*$/m, 'title: [unclosed'),
    (t: string) => t.replace(/^status: .*$/m, 'status: done'),
    (t: string) => t.replace(/^head: .*$/m, 'head: not-a-sha'),
    (t: string) => t.replace(/^---\n/, ''),
    (t: string) => t.replace(/^severity: (.*)$/m, 'severity: $1\nseverity: low'),
  ];
  return pick(rnd, kinds)(text);
}

/** Creates a repository with `count` notes under `parent`, committed once. */
export function generateRepo(parent: string, count: number, seed: number): GeneratedRepo {
  const rnd = prng(seed);
  const root = path.join(parent, `repo-${count}`);
  const incidents = path.join(root, 'incidents');
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.mkdirSync(incidents, { recursive: true });
  const sources = Array.from({ length: SOURCE_FILES }, (_, n) => sourceText(n));
  sources.forEach((text, n) => fs.writeFileSync(path.join(root, 'src', `module${n}.ts`), text));
  let bytes = 0;
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const draft = draftFor(rnd, i, sources);
    let id = noteId(draft.occurred, slugify(draft.title), 1);
    for (let n = 2; used.has(id); n++) {
      id = noteId(draft.occurred, slugify(draft.title), n);
    }
    used.add(id);
    let text = renderNote(id, draft);
    const r = rnd();
    if (r < 0.01) {
      text = breakNote(rnd, text);
    } else if (r < 0.06) {
      text = handEdit(rnd, text);
    }
    fs.writeFileSync(path.join(incidents, `${id}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  fs.writeFileSync(path.join(incidents, 'README.md'), '# Incident notes\n\nNot a note: skipped by the index.\n');
  const git = (...args: string[]) => execFileSync('git', args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
  });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Ada Lovelace');
  git('config', 'user.email', 'ada@example.com');
  git('config', 'commit.gpgsign', 'false');
  git('add', '-A');
  git('commit', '-q', '-m', `${count} notes`);
  return { root, incidents, notes: count, bytes, sample: { file: path.join(root, 'src', 'module7.ts'), startLine: 12, endLine: 18 } };
}
