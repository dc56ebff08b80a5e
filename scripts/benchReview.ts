// The `candor review` part of the benchmark: a 20-file change reviewed in a repository with 1,000
// notes and a long history, against the baseline the issue names, measured in the same process:
// `git diff --name-only base...HEAD` plus the re-anchoring (locateLinks, as the editor does) of the
// notes on those files. Two repositories: a generated one (2,000 commits made with fast-import,
// notes logged at commits spread over the whole history) and, when the mirror is on this machine,
// a clone of express's real history with notes logged on its own old commits.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { makeAnchor, sliceLines } from '../src/core/anchoring/recordedAnchor';
import { locateLinks } from '../src/core/anchoring/locateLinks';
import { GitRunner } from '../src/core/git/gitRunner';
import type { LinkedFile } from '../src/core/noteFormat/noteModel';
import { NoteIndex } from '../src/core/noteIndex/noteIndex';
import { renderNote } from '../src/core/noteWriting/newNoteFile';
import { reviewChanges } from '../src/core/review/reviewChanges';
import { prng } from './benchNotes';

export interface ReviewRepo {
  name: string;
  root: string;
  base: string;
  notes: number;
  commits: number;
  changedFiles: number;
}

export interface ReviewRun {
  diffNamesMs: number;
  reanchorMs: number;
  /** The in-process engine: revisions, diff, base texts, re-anchoring, touching. */
  engineMs: number;
  /** The whole `candor review <base> --head HEAD --format json` process, as a person or CI runs it. */
  cliMs: number;
  notesPlaced: number;
  touched: number;
}

const MIRROR = '/work/.mirror/expressjs+express';
const NOTES = 1000;
const CHANGED = 20;

function git(root: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd: root, input, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
  });
}

function initRepo(root: string): void {
  fs.mkdirSync(root, { recursive: true });
  git(root, ['init', '-q', '-b', 'main']);
  for (const [k, v] of [['user.name', 'Ada Lovelace'], ['user.email', 'ada@example.com'], ['commit.gpgsign', 'false']]) {
    git(root, ['config', k, v]);
  }
}

/** A note per link set, as Log Mistake writes it; returns the relative path. */
function writeNote(root: string, i: number, files: LinkedFile[], rnd: () => number): void {
  const when = new Date(Date.UTC(2020, 0, 1) + i * 86400_000);
  const id = `${when.toISOString().slice(0, 10)}-bench-${i}`;
  const text = renderNote(id, {
    title: `Bench learning ${i}`, severity: (['low', 'medium', 'high'] as const)[Math.floor(rnd() * 3)], occurred: when, logged: when, commits: [], files,
    sections: { outcome: `Something unexpected happened in case ${i}.`, learnings: `Read the code around case ${i} twice.`, prevention: '- [ ] Add a check' },
  });
  fs.writeFileSync(path.join(root, 'incidents', `${id}.md`), text);
}

/** Edits one line in each of `files` on a new branch `feat`, committed. */
function branchChange(root: string, files: string[], rnd: () => number): void {
  git(root, ['checkout', '-q', '-b', 'feat']);
  for (const file of files) {
    const all = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    const at = Math.floor(rnd() * Math.max(1, all.length - 1));
    all[at] = `${all[at]} // reviewed change`;
    fs.writeFileSync(path.join(root, file), all.join('\n'));
  }
  git(root, ['commit', '-qam', `Change ${files.length} files`]);
}

function moduleText(n: number, lines: number): string[] {
  return Array.from({ length: lines }, (_, i) => `  const m${n}v${i} = compute(${n}, ${i}); // line ${i}`);
}

/**
 * 200 source files and a history of `commits` commits (3 files each: a line inserted, a line
 * changed), made with one `git fast-import`; then 1,000 notes linking ranges at commits spread over
 * that history, committed, and the 20-file change on a branch.
 */
export function generatedHistory(parent: string, commits = 2000): ReviewRepo {
  const rnd = prng(19);
  const root = path.join(parent, 'review-generated');
  initRepo(root);
  const files = Array.from({ length: 200 }, (_, n) => moduleText(n, 120));
  const snapshots: { mark: number; changed: Map<number, string> }[] = [];
  let stream = '';
  const emit = (mark: number, touched: number[]) => {
    stream += `commit refs/heads/main\nmark :${mark}\ncommitter Ada <ada@example.com> ${1577836800 + mark * 600} +0000\ndata 12\nchange ${String(mark).padStart(5, '0')}\n`;
    if (mark > 1) {
      stream += `from :${mark - 1}\n`;
    }
    const changed = new Map<number, string>();
    for (const n of touched) {
      const text = `${files[n].join('\n')}\n`;
      changed.set(n, text);
      stream += `M 100644 inline src/module${n}.ts\ndata ${Buffer.byteLength(text)}\n${text}\n`;
    }
    snapshots.push({ mark, changed });
  };
  emit(1, files.map((_, n) => n));
  for (let c = 2; c <= commits; c++) {
    const touched = [0, 1, 2].map(() => Math.floor(rnd() * files.length));
    for (const n of touched) {
      const f = files[n];
      f.splice(Math.floor(rnd() * f.length), 0, `  // inserted at commit ${c}`);
      const at = Math.floor(rnd() * f.length);
      f[at] = `${f[at]} /* c${c} */`;
    }
    emit(c, touched);
  }
  const marksFile = path.join(parent, 'review-marks');
  git(root, ['fast-import', '--quiet', `--export-marks=${marksFile}`], stream);
  const shaOf = new Map(fs.readFileSync(marksFile, 'utf8').trim().split('\n').map((l) => l.split(' ')).map(([m, sha]) => [Number(m.slice(1)), sha]));
  git(root, ['reset', '-q', '--hard', 'main']);
  // Notes logged at commits across the history (the text of a file at a commit: its last change at or before it).
  const latest = new Map<number, { mark: number; text: string }>();
  const atCommit: Map<number, { mark: number; text: string }>[] = [];
  for (const s of snapshots) {
    s.changed.forEach((text, n) => latest.set(n, { mark: s.mark, text }));
    if (s.mark % 50 === 0 || s.mark === 1) {
      atCommit[s.mark] = new Map(latest);
    }
  }
  const marks = Object.keys(atCommit).map(Number);
  fs.mkdirSync(path.join(root, 'incidents'), { recursive: true });
  for (let i = 0; i < NOTES; i++) {
    const mark = marks[Math.floor(rnd() * marks.length)];
    const links: LinkedFile[] = [];
    for (let l = 1 + Math.floor(rnd() * 2); l > 0; l--) {
      const n = Math.floor(rnd() * files.length);
      const text = atCommit[mark].get(n)!.text;
      const start = 1 + Math.floor(rnd() * 100);
      const end = start + Math.floor(rnd() * 6);
      links.push({ path: `src/module${n}.ts`, lines: [start, end], commit: shaOf.get(mark)!, anchor: makeAnchor(sliceLines(text, start, end)) });
    }
    writeNote(root, i, links, rnd);
  }
  git(root, ['add', 'incidents']);
  git(root, ['commit', '-qm', `${NOTES} notes`]);
  const base = git(root, ['rev-parse', 'HEAD']).trim();
  const changed = Array.from(new Set(Array.from({ length: 60 }, () => Math.floor(rnd() * files.length)))).slice(0, CHANGED).map((n) => `src/module${n}.ts`);
  branchChange(root, changed, rnd);
  return { name: `generated: ${commits + 1} commits, 200 files`, root, base, notes: NOTES, commits: commits + 1, changedFiles: changed.length };
}

/** Many blobs' texts with one `git cat-file --batch`. */
function catBlobs(root: string, oids: string[]): Map<string, string> {
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: `${oids.join('\n')}\n`, maxBuffer: 512 * 1024 * 1024 });
  const texts = new Map<string, string>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    const [oid, , size] = out.subarray(at, eol).toString('utf8').split(' ');
    const bytes = Number(size);
    texts.set(oid, out.subarray(eol + 1, eol + 1 + bytes).toString('utf8'));
    at = eol + 1 + bytes + 1;
  }
  return texts;
}

/** The bare mirror of express (a git dir somewhere under MIRROR), when this machine has it. */
function mirrorGitDir(): string | undefined {
  if (!fs.existsSync(MIRROR)) {
    return undefined;
  }
  const found = [MIRROR, ...fs.readdirSync(MIRROR).map((e) => path.join(MIRROR, e))].find((d) => fs.existsSync(path.join(d, 'HEAD')) && fs.existsSync(path.join(d, 'objects')));
  return found;
}

/**
 * A clone of express's history; 1,000 notes linking ranges of its .js files at commits spread
 * over its last 1,500 commits; the 20-file change on a branch. Undefined without the mirror.
 */
export function expressHistory(parent: string): ReviewRepo | undefined {
  const source = mirrorGitDir();
  if (!source) {
    return undefined;
  }
  const rnd = prng(7);
  const root = path.join(parent, 'review-express');
  git(parent, ['clone', '-q', '--no-checkout', source, root]);
  git(root, ['checkout', '-q', '-B', 'main', 'HEAD']);
  for (const [k, v] of [['user.name', 'Ada Lovelace'], ['user.email', 'ada@example.com'], ['commit.gpgsign', 'false']]) {
    git(root, ['config', k, v]);
  }
  const history = git(root, ['rev-list', '--first-parent', '-n', '1500', 'HEAD']).trim().split('\n');
  const headFiles = new Set(git(root, ['ls-files', '*.js']).trim().split('\n'));
  const commits = history.filter((_, i) => i % 60 === 30);
  const trees = new Map(commits.map((sha) => [sha, git(root, ['ls-tree', '-r', sha]).trim().split('\n')
    .map((l) => /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(l)).filter((m): m is RegExpExecArray => m !== null && m[2].endsWith('.js') && headFiles.has(m[2]))
    .map((m) => ({ oid: m[1], path: m[2] }))]));
  const blobs = catBlobs(root, [...new Set([...trees.values()].flat().map((b) => b.oid))]);
  const texts = new Map([...trees].map(([sha, list]) => [sha, list.map((b) => ({ path: b.path, text: blobs.get(b.oid)! })).filter((f) => f.text.split('\n').length > 12)]));
  fs.mkdirSync(path.join(root, 'incidents'), { recursive: true });
  const linked = new Map<string, number>();
  for (let i = 0; i < NOTES; i++) {
    const sha = commits[Math.floor(rnd() * commits.length)];
    const candidates = texts.get(sha)!;
    const file = candidates[Math.floor(rnd() * candidates.length)];
    const count = file.text.split('\n').length;
    const start = 1 + Math.floor(rnd() * (count - 8));
    const end = start + Math.floor(rnd() * 6);
    linked.set(file.path, (linked.get(file.path) ?? 0) + 1);
    writeNote(root, i, [{ path: file.path, lines: [start, end], commit: sha, anchor: makeAnchor(sliceLines(file.text, start, end)) }], rnd);
  }
  git(root, ['add', 'incidents']);
  git(root, ['commit', '-qm', `${NOTES} notes`]);
  const base = git(root, ['rev-parse', 'HEAD']).trim();
  // The 20 most-linked files that still exist: a change where the notes are.
  const changed = [...linked].sort((a, b) => b[1] - a[1]).map(([p]) => p).filter((p) => fs.existsSync(path.join(root, p))).slice(0, CHANGED);
  branchChange(root, changed, rnd);
  return { name: 'express (real history)', root, base, notes: NOTES, commits: Number(git(root, ['rev-list', '--count', 'HEAD']).trim()), changedFiles: changed.length };
}

/**
 * One measurement, in a fresh process: the baseline and the engine (in alternating order from run
 * to run, so neither always pays for a cold start), then the whole CLI.
 */
export async function reviewRun(a: { root: string; base: string; cli: string; engineFirst: boolean }): Promise<ReviewRun> {
  const runner = new GitRunner({ isTrusted: () => true });
  const index = new NoteIndex(path.join(a.root, 'incidents'));
  await index.scan();
  const notes = index.list();

  const baseline = async () => {
    let t = performance.now();
    const names = new Set(execFileSync('git', ['diff', '--name-only', `${a.base}...HEAD`], { cwd: a.root, encoding: 'utf8' }).trim().split('\n'));
    const diffNamesMs = performance.now() - t;
    const links = notes.flatMap((n) => (Array.isArray(n.note.files) ? n.note.files : []).filter((f) => names.has(f.path)));
    t = performance.now();
    await locateLinks(links, { git: runner, repoRoot: a.root });
    return { diffNamesMs, reanchorMs: performance.now() - t };
  };
  const engine = async () => {
    const t = performance.now();
    const outcome = await reviewChanges(notes, runner, a.root, { base: a.base, head: 'HEAD' });
    return { outcome, engineMs: performance.now() - t };
  };
  let measured: [Awaited<ReturnType<typeof baseline>>, Awaited<ReturnType<typeof engine>>];
  if (a.engineFirst) {
    const e = await engine();
    measured = [await baseline(), e];
  } else {
    const b = await baseline();
    measured = [b, await engine()];
  }
  const [{ diffNamesMs, reanchorMs }, { outcome, engineMs }] = measured;

  const t = performance.now();
  const out = execFileSync(process.execPath, [a.cli, 'review', a.base, '--head', 'HEAD', '--format', 'json'], { cwd: a.root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const cliMs = performance.now() - t;
  const cliTouched = (JSON.parse(out) as { touched: unknown[] }).touched.length;
  if (cliTouched !== outcome.report.touched.length) {
    throw new Error(`the CLI found ${cliTouched} touched ranges, the engine ${outcome.report.touched.length}`);
  }
  return { diffNamesMs, reanchorMs, engineMs, cliMs, notesPlaced: outcome.notesPlaced, touched: outcome.report.touched.length };
}

interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface ReviewSection {
  name: string;
  notes: number;
  commits: number;
  changedFiles: number;
  notesPlaced: number;
  touched: number;
  diffNames: Stat;
  reanchor: Stat;
  baseline: Stat;
  engine: Stat;
  engineRatio: Stat;
  cli: Stat;
  cliRatio: Stat;
}

const RUNS = 5;

/** Both repositories, each measured in RUNS fresh processes (`child` runs one); the express one skipped, with a message, without the mirror. */
export function reviewSections(tmp: string, cli: string, child: (task: string, args: unknown) => ReviewRun, stat: (values: number[]) => Stat): ReviewSection[] {
  const t = performance.now();
  const repos = [generatedHistory(tmp)];
  const express = expressHistory(tmp);
  if (express) {
    repos.push(express);
  } else {
    console.log(`candor review on a real history: skipped, no mirror of express at ${MIRROR}`);
  }
  console.log(`review repositories made in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return repos.map((repo) => {
    const runs = Array.from({ length: RUNS }, (_, i) => child('review', { root: repo.root, base: repo.base, cli, engineFirst: i % 2 === 1 }));
    const baseline = runs.map((r) => r.diffNamesMs + r.reanchorMs);
    return {
      name: repo.name, notes: repo.notes, commits: repo.commits, changedFiles: repo.changedFiles,
      notesPlaced: runs[0].notesPlaced, touched: runs[0].touched,
      diffNames: stat(runs.map((r) => r.diffNamesMs)),
      reanchor: stat(runs.map((r) => r.reanchorMs)),
      baseline: stat(baseline),
      engine: stat(runs.map((r) => r.engineMs)),
      engineRatio: stat(runs.map((r, i) => r.engineMs / baseline[i])),
      cli: stat(runs.map((r) => r.cliMs)),
      cliRatio: stat(runs.map((r, i) => r.cliMs / baseline[i])),
    };
  });
}

/** The table rows: one column per repository. */
export function reviewRows(sections: ReviewSection[], fmt: (s: Stat | undefined, unit?: string) => string): [string, ...string[]][] {
  return [
    ['candor review: repository', ...sections.map((s) => s.name)],
    ['  notes, commits, files changed', ...sections.map((s) => `${s.notes}, ${s.commits}, ${s.changedFiles}`)],
    ['  notes re-anchored / ranges touched', ...sections.map((s) => `${s.notesPlaced} / ${s.touched}`)],
    ['  git diff --name-only base...HEAD', ...sections.map((s) => fmt(s.diffNames))],
    ['  + re-anchoring those notes (baseline)', ...sections.map((s) => `${fmt(s.reanchor)} → ${fmt(s.baseline)}`)],
    ['  review engine (in process) × baseline', ...sections.map((s) => `${fmt(s.engine)}, ${fmt(s.engineRatio, '×')}`)],
    ['  candor review, whole CLI process × baseline', ...sections.map((s) => `${fmt(s.cli)}, ${fmt(s.cliRatio, '×')}`)],
  ];
}
