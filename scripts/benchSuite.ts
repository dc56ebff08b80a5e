// The benchmark behind `npm run bench` (scripts/bench.mjs bundles this file and runs it). Not a
// test: it measures, prints a table and writes bench/results.json. Every timing that can vary runs
// several times, each in a fresh Node process (so a "cold" index really starts cold), and is given
// as median, min and max. The baseline, plainly reading the same files, is measured in the same
// processes, so ratios compare like with like on a noisy machine.
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateRepo, type GeneratedRepo } from './benchNotes';
import { reviewRows, reviewRun, reviewSections, type ReviewRun, type ReviewSection } from './benchReview';
import { siteRun, type SiteRun } from './benchSite';
import { captureContext } from '../src/core/git/captureContext';
import { GitRunner } from '../src/core/git/gitRunner';
import { groupNotes, matchesFilter, regroupChanged } from '../src/core/listing/noteGrouping';
import { isNoteFileName, NoteIndex } from '../src/core/noteIndex/noteIndex';
import type { IndexedNote } from '../src/core/noteIndex/noteFileRead';
import { resolveInside } from '../src/core/repository/repoPaths';
import { findTaskItems } from '../src/core/noteFormat/taskItems';
import { wordingRun, type WordingRun } from './benchWording';
import { segmentsRun, type SegmentsRun } from './benchSegments';
import { listRun, type ListRun } from './benchList';
import { similarRun, type SimilarRun } from './benchSimilar';

// The cache module exists from this change on; the same suite also measures the code before it.
type CacheModule = typeof import('../src/core/noteIndex/indexCache');
let cacheModule: CacheModule | undefined;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cacheModule = require('../src/core/noteIndex/indexCache') as CacheModule;
} catch {
  cacheModule = undefined;
}

interface Options {
  /** The production bundle and its esbuild metafile, built by bench.mjs. */
  bundle: string;
  metafile: string;
  /** The CLI bundle, for `candor review` as a whole process. */
  cli: string;
  /** `review`: measure only `candor review`. */
  only?: string;
  results: string;
  sizes: number[];
  label: string;
  /** `similar`: only Find Similar's figures (quick), printed and not written to results. */
  only?: string;
}

interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

const RUNS: Record<number, number> = { 1000: 7, 10000: 9 };
const CHANGES = 15;
/** Files must be older than the index's racy window (3 s) before the cache may keep them. */
const SETTLE_MS = 3500;

function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), runs: values.length };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs one measurement in a fresh Node process and returns what it printed as JSON. */
function child<T>(task: string, args: unknown): T {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, 'child', task, JSON.stringify(args)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

// ---------------------------------------------------------------------------------------------
// Child tasks

interface Baselines {
  /** A loop of readFileSync over the folder: the plainest read, and the fastest here. */
  syncMs: number;
  /** 32 fs.readFile calls in flight at a time: how a non-blocking reader would do it. */
  asyncMs: number;
}

interface ScanRun {
  baseline: Baselines;
  scanMs: number;
  /** CPU time of the process (all threads) during the scan. */
  scanCpuMs: number;
  cacheSaveMs: number;
  notes: number;
  fingerprint: string;
  cacheBytes: number;
}

function openCache(root: string, incidents: string) {
  return cacheModule?.openIndexCache(root, incidents, { writable: () => true });
}

/** Plain reading of every note, as a reader that does nothing else would: the baselines. */
async function plainRead(dir: string): Promise<Baselines> {
  let t = performance.now();
  for (const name of fs.readdirSync(dir).filter(isNoteFileName)) {
    fs.readFileSync(path.join(dir, name), 'utf8');
  }
  const syncMs = performance.now() - t;
  t = performance.now();
  const names = (await fs.promises.readdir(dir)).filter(isNoteFileName);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const file = path.join(dir, names[next++]);
      await new Promise<string>((resolve, reject) => fs.readFile(file, 'utf8', (err, data) => (err ? reject(err) : resolve(data))));
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return { syncMs, asyncMs: performance.now() - t };
}

function fingerprint(notes: IndexedNote[]): string {
  return JSON.stringify(notes.map((n) => [path.basename(n.path), n.note.title, n.note.status, n.note.body.length, n.note.files.length, n.problems.length]).sort());
}

/**
 * One scan in a fresh process, after the baselines: `cold` deletes the cache first (and times
 * its writing afterwards), `warm` uses the one the previous cold run left.
 */
async function scanRun(a: { root: string; incidents: string; warm: boolean }): Promise<ScanRun> {
  const baseline = await plainRead(a.incidents);
  const cache = openCache(a.root, a.incidents);
  if (cache && !a.warm) {
    fs.rmSync(cache.file, { force: true });
  }
  const index = new NoteIndex(a.incidents, { cache });
  const cpu = process.cpuUsage();
  let t = performance.now();
  await index.scan();
  const scanMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  t = performance.now();
  await index.whenCacheSaved?.();
  const cacheSaveMs = performance.now() - t;
  return {
    baseline, scanMs, scanCpuMs: (used.user + used.system) / 1000, cacheSaveMs,
    notes: index.list().length,
    fingerprint: fingerprint(index.list()),
    cacheBytes: cache && fs.existsSync(cache.file) ? fs.statSync(cache.file).size : 0,
  };
}

interface ChangeRun {
  firstFilterMs: number;
  againFilterMs: number;
  /** Expansion and filter a couple of seconds after the start, bodies read in the background. */
  settledExpandMs: number;
  settledFilterMs: number;
  firstRootGroupingMs: number;
  firstGroupExpandMs: number;
  firstGroupSize: number;
  updateMs: number[];
  /** CPU time of the process (all threads) during update: the work, without waiting. */
  updateCpuMs: number[];
  regroupMs: number[];
  /** What the tree did before it regrouped incrementally: every note grouped again. */
  fullRegroupMs: number[];
  /** The path → links map updated for the changed note, as LinkedCode.applyChange does. */
  linksUpdateMs: number[];
  linksBuildMs: number;
  linksLookupMs: number;
  linkedFiles: number;
}

/** The tree's root: every note, the (empty) filter, grouped by status, as getChildren does. */
function rootGroups(index: NoteIndex) {
  const entries = index.list().map((note) => ({ note })).filter((e) => matchesFilter(e.note.note, {}));
  return groupNotes(entries, 'status', (e) => e.note);
}

async function changeRun(a: { root: string; incidents: string; sample: string }): Promise<ChangeRun> {
  const index = new NoteIndex(a.incidents, { cache: openCache(a.root, a.incidents) });
  await index.scan();

  let t = performance.now();
  const groups = rootGroups(index);
  const firstRootGroupingMs = performance.now() - t;


  // Expanding a group: VS Code asks for every child's TreeItem, and each counts its task items.
  const group = groups.find((g) => g.key === 'status:open') ?? groups[0];
  t = performance.now();
  const nodes = group.items.map((entry) => ({ kind: 'note', entry, tasks: findTaskItems(entry.note.note.body).length }));
  const firstGroupExpandMs = performance.now() - t;

  // A text filter reads every body. Right after a warm start (as here) bodies not read yet are
  // read from disk on demand; a moment later the background reading has them all in memory.
  t = performance.now();
  index.list().filter((e) => matchesFilter(e.note, { text: 'rollback' }));
  const firstFilterMs = performance.now() - t;
  t = performance.now();
  index.list().filter((e) => matchesFilter(e.note, { text: 'rollback' }));
  const againFilterMs = performance.now() - t;

  const settled = new NoteIndex(a.incidents, { cache: openCache(a.root, a.incidents) });
  await settled.scan();
  await sleep(2000);
  const settledGroup = rootGroups(settled).find((g) => g.key === 'status:open') ?? groups[0];
  t = performance.now();
  settledGroup.items.forEach((entry) => findTaskItems(entry.note.note.body));
  const settledExpandMs = performance.now() - t;
  t = performance.now();
  settled.list().filter((e) => matchesFilter(e.note, { text: 'rollback' }));
  const settledFilterMs = performance.now() - t;

  const updateMs: number[] = [];
  const updateCpuMs: number[] = [];
  const regroupMs: number[] = [];
  const fullRegroupMs: number[] = [];
  const linksUpdateMs: number[] = [];
  const notes = index.list();
  let current = groups;
  const linkMap = buildLinkMap(index, a.root).byFile;
  for (let i = 0; i < CHANGES; i++) {
    const note = notes[(i * 7919) % notes.length];
    const text = fs.readFileSync(note.path, 'utf8');
    fs.writeFileSync(note.path, text.replace(/^title: .*$/m, `title: Changed ${i}`) + `\nEdited ${i}.\n`);
    const cpu = process.cpuUsage();
    t = performance.now();
    await index.update(note.path);
    updateMs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    updateCpuMs.push((used.user + used.system) / 1000);
    // As the tree does now: only the changed note is taken out and put back in.
    t = performance.now();
    current = regroupChanged(current, 'status', (e) => e.note, (e) => e.note.path === note.path, [{ note: index.get(note.path)! }]);
    regroupMs.push(performance.now() - t);
    t = performance.now();
    rootGroups(index);
    fullRegroupMs.push(performance.now() - t);
    t = performance.now();
    updateLinkMap(linkMap, index, a.root, note.path);
    linksUpdateMs.push(performance.now() - t);
  }

  // Which notes link to which file, built as LinkedCode.build does (existsSync per link).
  t = performance.now();
  const { byFile, linkedFiles } = buildLinkMap(index, a.root);
  const linksBuildMs = performance.now() - t;
  const lookups = 1000;
  t = performance.now();
  for (let i = 0; i < lookups; i++) {
    byFile.get(path.resolve(a.sample));
  }
  const linksLookupMs = (performance.now() - t) / lookups;
  return { firstFilterMs, againFilterMs, settledExpandMs, settledFilterMs, firstRootGroupingMs, firstGroupExpandMs, firstGroupSize: nodes.length, updateMs, updateCpuMs, regroupMs, fullRegroupMs, linksUpdateMs, linksBuildMs, linksLookupMs, linkedFiles };
}

interface LinkRefLike { note: string; file: unknown; index: number }

function buildLinkMap(index: NoteIndex, root: string): { byFile: Map<string, LinkRefLike[]>; linkedFiles: number } {
  const byFile = new Map<string, LinkRefLike[]>();
  let linkedFiles = 0;
  for (const entry of index.list()) {
    entry.note.files.forEach((file, i) => {
      const abs = resolveInside(root, file.path);
      if (abs && fs.existsSync(abs)) {
        linkedFiles++;
        const refs = byFile.get(abs) ?? [];
        refs.push({ note: entry.path, file, index: i });
        byFile.set(abs, refs);
      }
    });
  }
  return { byFile, linkedFiles };
}

/** LinkedCode.applyChange's work: drop the note's old links, add its new ones. */
function updateLinkMap(byFile: Map<string, LinkRefLike[]>, index: NoteIndex, root: string, notePath: string): void {
  for (const [key, refs] of byFile) {
    if (refs.some((r) => r.note === notePath)) {
      const kept = refs.filter((r) => r.note !== notePath);
      if (kept.length > 0) {
        byFile.set(key, kept);
      } else {
        byFile.delete(key);
      }
    }
  }
  index.get(notePath)?.note.files.forEach((file, i) => {
    const abs = resolveInside(root, file.path);
    if (abs && fs.existsSync(abs)) {
      const refs = byFile.get(abs) ?? [];
      refs.push({ note: notePath, file, index: i });
      byFile.set(abs, refs);
    }
  });
}

interface MemoryRun {
  /** Heap held by the index right after the scan. */
  heapMB: number;
  /** The same once every body has been read (by the background reading, or a text filter). */
  heapAllBodiesMB: number;
  notes: number;
  bodyChars: number;
}

async function memoryRun(a: { root: string; incidents: string; warm: boolean }): Promise<MemoryRun> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const settle = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const cache = a.warm ? openCache(a.root, a.incidents) : undefined;
  const before = settle();
  const index = new NoteIndex(a.incidents, { cache });
  await index.scan();
  // Before the background reading of bodies starts (a moment after the scan).
  const afterScan = settle();
  await index.whenCacheSaved?.();
  let bodyChars = 0;
  for (const entry of index.list()) {
    bodyChars += entry.note.body.length;
  }
  const allBodies = settle();
  return { heapMB: (afterScan - before) / 1048576, heapAllBodiesMB: (allBodies - before) / 1048576, notes: index.list().length, bodyChars };
}

interface GitRun {
  captureMs: number[];
  processes: number;
  bareMs: number[];
}

async function gitRun(a: { root: string; sample: { file: string; startLine: number; endLine: number } }): Promise<GitRun> {
  const git = new GitRunner({ isTrusted: () => true });
  const captureMs: number[] = [];
  const bareMs: number[] = [];
  let processes = 0;
  for (let i = 0; i < 5; i++) {
    const before = git.processCount;
    let t = performance.now();
    const context = await captureContext(git, { cwd: a.root, files: [{ absPath: a.sample.file, startLine: a.sample.startLine, endLine: a.sample.endLine }], commits: [] });
    captureMs.push(performance.now() - t);
    processes = Math.max(processes, git.processCount - before);
    if (!context.head || context.files.length !== 1) {
      throw new Error(`capture failed: ${JSON.stringify(context.warnings)}`);
    }
    t = performance.now();
    await new Promise<void>((resolve, reject) => execFile('git', ['rev-parse', 'HEAD'], { cwd: a.root }, (err) => (err ? reject(err) : resolve())));
    bareMs.push(performance.now() - t);
  }
  return { captureMs, processes, bareMs };
}

interface ActivationRun {
  requireMs: number;
  activateMs: number;
  noteFilesTouched: number;
  error?: string;
  languageModelLoaded?: boolean;
}

/**
 * A stand-in for the `vscode` module: every property is another stand-in, every call returns
 * one, and the few values activation reads are real. Enough to run activate(), not to use it.
 */
function vscodeStub(root: string): unknown {
  const make = (overrides: Record<PropertyKey, unknown> = {}): unknown => {
    const children = new Map<PropertyKey, unknown>(Object.entries(overrides));
    const target = function stub() {
      /* a stand-in */
    };
    return new Proxy(target, {
      get(_t, prop) {
        // Iterable and empty (visible editors, documents); not a promise, not a primitive:
        // awaiting or printing a stand-in must not hang or throw.
        if (prop === Symbol.iterator) {
          return () => [][Symbol.iterator]();
        }
        if (prop === 'then' || typeof prop === 'symbol') {
          return undefined;
        }
        if (!children.has(prop)) {
          children.set(prop, make());
        }
        return children.get(prop);
      },
      set(_t, prop, value) {
        children.set(prop, value);
        return true;
      },
      apply: () => make(),
      construct: () => make() as object,
    });
  };
  const uri = (p: string) => ({ fsPath: p, path: p, scheme: 'file', toString: () => `file://${p}` });
  class EventEmitter {
    private listeners: ((e: unknown) => void)[] = [];
    event = (listener: (e: unknown) => void) => {
      this.listeners.push(listener);
      return { dispose: () => undefined };
    };
    fire(e?: unknown) {
      this.listeners.forEach((l) => l(e));
    }
    dispose() {
      this.listeners = [];
    }
  }
  class Disposable {
    constructor(private readonly fn: () => void = () => undefined) {}
    static from(...items: { dispose?: () => void }[]) {
      return new Disposable(() => items.forEach((i) => i.dispose?.()));
    }
    dispose() {
      this.fn();
    }
  }
  // The bundle reads the module through esbuild's interop, which copies its own properties: give
  // it every top-level name the API declares, each a stand-in unless set below.
  const declared = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = [...declared.matchAll(/^\texport (?:namespace|class|enum|function|const|let|var) (\w+)/gm)].map((m) => m[1]);
  const api: Record<string, unknown> = Object.fromEntries(names.map((name) => [name, make()]));
  return Object.assign(api, {
    EventEmitter,
    Disposable,
    Uri: make({ file: uri, joinPath: (base: { fsPath: string }, ...parts: string[]) => uri(path.join(base.fsPath, ...parts)), parse: (s: string) => uri(s) }),
    window: make({ activeTextEditor: undefined, visibleTextEditors: [] }),
    workspace: make({
      workspaceFolders: [{ uri: uri(root), name: path.basename(root), index: 0 }],
      isTrusted: true,
      textDocuments: [],
      getConfiguration: () => ({ get: (_key: string, fallback: unknown) => fallback, has: () => false, inspect: () => undefined }),
    }),
  });
}

async function activationRun(a: { bundle: string; root: string; incidents: string }): Promise<ActivationRun> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  const stub = vscodeStub(a.root);
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub : load.call(this, request, ...rest);
  };
  // Count every file system call that touches the incidents folder: activation must make none.
  let touched = 0;
  const watched = ['readdir', 'readFile', 'open', 'stat', 'lstat', 'readdirSync', 'readFileSync', 'openSync', 'statSync', 'existsSync'] as const;
  // The module object itself, not the bundler's read-only namespace copy of it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const realFs = require('fs') as typeof fs;
  const fsAny = realFs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const promisesAny = realFs.promises as unknown as Record<string, (...args: unknown[]) => unknown>;
  const wrap = (obj: Record<string, (...args: unknown[]) => unknown>, name: string) => {
    const original = obj[name];
    if (typeof original !== 'function') {
      return;
    }
    obj[name] = function (this: unknown, ...args: unknown[]) {
      if (typeof args[0] === 'string' && args[0].startsWith(a.incidents)) {
        touched++;
      }
      return original.apply(this, args);
    };
  };
  watched.forEach((name) => wrap(fsAny, name));
  ['readdir', 'readFile', 'open', 'stat', 'lstat'].forEach((name) => wrap(promisesAny, name));

  const context = {
    subscriptions: [] as { dispose(): unknown }[],
    workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [], setKeysForSync: () => undefined },
    extensionUri: { fsPath: path.dirname(path.dirname(a.bundle)), path: path.dirname(path.dirname(a.bundle)), scheme: 'file' },
    extensionPath: path.dirname(path.dirname(a.bundle)),
    storageUri: undefined,
    globalStorageUri: { fsPath: os.tmpdir(), scheme: 'file' },
    logUri: { fsPath: os.tmpdir(), scheme: 'file' },
    asAbsolutePath: (p: string) => path.join(path.dirname(path.dirname(a.bundle)), p),
  };
  let t = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ext = require(a.bundle) as { activate: (ctx: unknown) => unknown };
  const requireMs = performance.now() - t;
  t = performance.now();
  let api: unknown;
  try {
    api = await ext.activate(context);
  } catch (err) {
    return { requireMs, activateMs: performance.now() - t, noteFilesTouched: touched, error: (err as Error).message };
  }
  const activateMs = performance.now() - t;
  // Anything activation started in the background would show up now.
  await sleep(300);
  for (const d of context.subscriptions) {
    try {
      d.dispose();
    } catch {
      // A stand-in may not dispose cleanly; irrelevant to the measurement.
    }
  }
  // The sentence tagger (compromise) must not be loaded by activation.
  const languageModelLoaded = (api as { blameless?: { languageModelLoaded?: boolean } } | undefined)?.blameless?.languageModelLoaded;
  return { requireMs, activateMs, noteFilesTouched: touched, languageModelLoaded };
}

async function runChild(task: string, args: unknown): Promise<unknown> {
  switch (task) {
    case 'scan':
      return scanRun(args as Parameters<typeof scanRun>[0]);
    case 'change':
      return changeRun(args as Parameters<typeof changeRun>[0]);
    case 'memory':
      return memoryRun(args as Parameters<typeof memoryRun>[0]);
    case 'git':
      return gitRun(args as Parameters<typeof gitRun>[0]);
    case 'activate':
      return activationRun(args as Parameters<typeof activationRun>[0]);
    case 'wording':
      return wordingRun();
    case 'site':
      return siteRun(args as Parameters<typeof siteRun>[0]);
    case 'review':
      return reviewRun(args as Parameters<typeof reviewRun>[0]);
    case 'segments':
      return segmentsRun();
    case 'list':
      return listRun(args as Parameters<typeof listRun>[0]);
    case 'similar':
      return similarRun();
    default:
      throw new Error(`unknown task ${task}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Main

interface BundleInfo {
  bytes: number;
  packages: { name: string; bytes: number }[];
  duplicates: { name: string; copies: string[] }[];
}

function bundleInfo(bundle: string, metafile: string): BundleInfo {
  const meta = JSON.parse(fs.readFileSync(metafile, 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const output = Object.entries(meta.outputs).find(([file]) => file.endsWith('extension.js'))![1];
  const roots = new Map<string, Set<string>>();
  const bytes = new Map<string, number>();
  for (const [input, info] of Object.entries(output.inputs)) {
    const at = input.lastIndexOf('node_modules/');
    if (at < 0) {
      continue;
    }
    const rest = input.slice(at + 'node_modules/'.length).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    const root = input.slice(0, at + 'node_modules/'.length + name.length);
    roots.set(name, (roots.get(name) ?? new Set()).add(root));
    bytes.set(name, (bytes.get(name) ?? 0) + info.bytesInOutput);
  }
  return {
    bytes: fs.statSync(bundle).size,
    packages: [...bytes].map(([name, b]) => ({ name, bytes: b })).sort((x, y) => y.bytes - x.bytes),
    duplicates: [...roots].filter(([, r]) => r.size > 1).map(([name, r]) => ({ name, copies: [...r] })),
  };
}

function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    cores: os.cpus().length,
    cpu: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    memoryGB: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    git: execFileSync('git', ['--version'], { encoding: 'utf8' }).trim(),
  };
}

function fmt(s: Stat | undefined, unit = 'ms'): string {
  if (!s) {
    return '—';
  }
  const n = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
  return s.runs > 1 ? `${n(s.median)} ${unit} (${n(s.min)}–${n(s.max)})` : `${n(s.median)} ${unit}`;
}

/** Find Similar on its fixture, in a fresh process: quality (top 3) and time per query, each against the words alone. */
function similarFigures(): Record<string, unknown> {
  const run = child<SimilarRun>('similar', {});
  const pct = (n: number) => round((100 * n) / run.queries);
  return {
    notes: run.notes,
    queries: run.queries,
    top3Percent: pct(run.top3),
    top1Percent: pct(run.top1),
    baselineTop3Percent: pct(run.baselineTop3),
    byKind: Object.fromEntries(Object.entries(run.byKind).map(([kind, k]) => [kind, { queries: k.queries, top3Percent: round((100 * k.top3) / k.queries), baselineTop3Percent: round((100 * k.baselineTop3) / k.queries) }])),
    query: stat(run.queryMs),
    baseline: stat(run.baselineMs),
    ratio: round(stat(run.queryMs).median / stat(run.baselineMs).median),
    misses: run.misses,
  };
}

function printSimilar(s: Record<string, unknown>): void {
  const k = s.byKind as Record<string, { queries: number; top3Percent: number; baselineTop3Percent: number }>;
  console.log(`Find Similar, ${s.notes}-note fixture, ${s.queries} queries: intended note in the top 3 for ${s.top3Percent} % (goal ≥ 90 %; first for ${s.top1Percent} %); the words alone (baseline) ${s.baselineTop3Percent} %`);
  console.log(`  by kind: ${Object.entries(k).map(([kind, v]) => `${kind} ${v.top3Percent} % (words alone ${v.baselineTop3Percent} %, ${v.queries} queries)`).join('; ')}`);
  console.log(`  per query: ${fmt(s.query as Stat)} with git re-anchoring; the words alone ${fmt(s.baseline as Stat)} (${s.ratio}×)${(s.misses as string[]).length ? `; missed: ${(s.misses as string[]).join(', ')}` : ''}`);
}

/** `--only review`: the review section alone, its own results file and table. */
async function reviewOnly(options: Options): Promise<void> {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-bench-'));
  const results: Record<string, unknown> = { label: options.label, date: new Date().toISOString(), machine: machine() };
  console.log(`Candor benchmark, candor review only (${options.label}) on ${JSON.stringify(results.machine)}`);
  try {
    results.review = reviewSections(tmp, options.cli, (task, args) => child<ReviewRun>(task, args), stat);
    results.loadAverage = os.loadavg().map(round);
    results.totalSeconds = round((Date.now() - started) / 1000);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(options.results), { recursive: true });
  fs.writeFileSync(options.results, `${JSON.stringify(results, null, 2)}\n`);
  printRows(reviewRows(results.review as ReviewSection[], fmt));
  const m = results.machine as Record<string, unknown>;
  console.log(`\nmachine: ${m.cores} cores, ${m.cpu}, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}, ${m.git}; load average at the end ${(results.loadAverage as number[]).join(' ')}`);
  console.log(`wrote ${path.relative(process.cwd(), options.results)} in ${results.totalSeconds} s`);
}

function printRows(rows: [string, ...string[]][]): void {
  const width = Math.max(...rows.map((row) => row[0].length));
  const columns = rows[0].length - 1;
  const colWidth = Array.from({ length: columns }, (_, i) => Math.max(...rows.map((row) => (row[i + 1] ?? '').length)));
  console.log('');
  for (const row of rows) {
    console.log(`${row[0].padEnd(width)}  ${row.slice(1).map((c, i) => c.padEnd(colWidth[i])).join('  ')}`);
  }
}

/**
 * `--only index`: the index's cold and warm starts alone, the alternation of the full run (quick,
 * for trying a change to the scan or the cache; printed, not written to results).
 */
async function indexOnly(options: Options): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-bench-'));
  try {
    for (const n of options.sizes) {
      const repo = generateRepo(tmp, n, 1000 + n);
      await sleep(SETTLE_MS);
      const cold: ScanRun[] = [];
      const warm: ScanRun[] = [];
      for (let i = 0; i < (RUNS[n] ?? 5); i++) {
        cold.push(child<ScanRun>('scan', { root: repo.root, incidents: repo.incidents, warm: false }));
        warm.push(child<ScanRun>('scan', { root: repo.root, incidents: repo.incidents, warm: true }));
      }
      const base = stat([...cold, ...warm].map((r) => r.baseline.syncMs));
      console.log(`${n} notes: readFileSync loop ${fmt(base)}`);
      console.log(`  first index ${fmt(stat(cold.map((r) => r.scanMs)))}, ${fmt(stat(cold.map((r) => r.scanMs / r.baseline.syncMs)), '×')}`);
      console.log(`  later start ${fmt(stat(warm.map((r) => r.scanMs)))}, ${fmt(stat(warm.map((r) => r.scanMs / r.baseline.syncMs)), '×')}`);
    }
    console.log(`load average at the end ${os.loadavg().map(round).join(' ')}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** `--only wording`: the wording check of a 1,000-line note alone (printed, not written to results). */
function wordingOnly(): void {
  const w = child<WordingRun>('wording', {});
  console.log(`wording check, ${w.lines}-line note, ${w.findings} findings: tagger load ${round(w.taggerLoadMs)} ms`);
  console.log(`  first check ${fmt(stat(w.firstCheckMs))}; re-check after one edit ${fmt(stat(w.recheckMs))}; phrase rules alone ${fmt(stat(w.baselineMs))}`);
}

async function main(options: Options): Promise<void> {
  if (options.only === 'review') {
    return reviewOnly(options);
  }
  if (options.only === 'index') {
    return indexOnly(options);
  }
  if (options.only === 'wording') {
    return wordingOnly();
  }
  if (options.only === 'similar') {
    printSimilar(similarFigures());
    return;
  }
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-bench-'));
  const results: Record<string, unknown> = { label: options.label, date: new Date().toISOString(), machine: machine(), sizes: {} };
  console.log(`Candor benchmark (${options.label}) on ${JSON.stringify(results.machine)}`);
  try {
    const t = performance.now();
    const repos: GeneratedRepo[] = options.sizes.map((n) => generateRepo(tmp, n, 1000 + n));
    const generatedAt = Date.now();
    console.log(`generated ${options.sizes.join(' and ')} notes in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await sleep(Math.max(0, SETTLE_MS - (Date.now() - generatedAt)));

    const sizes: Record<string, Record<string, unknown>> = {};
    for (const repo of repos) {
      // Alternating fresh processes: a cold index (which writes the cache), then a warm start.
      const cold: ScanRun[] = [];
      const warm: ScanRun[] = [];
      for (let i = 0; i < (RUNS[repo.notes] ?? 5); i++) {
        cold.push(child<ScanRun>('scan', { root: repo.root, incidents: repo.incidents, warm: false }));
        warm.push(child<ScanRun>('scan', { root: repo.root, incidents: repo.incidents, warm: true }));
      }
      if ([...cold, ...warm].some((r) => r.fingerprint !== cold[0].fingerprint)) {
        throw new Error('a warm index differs from the cold one');
      }
      const change = child<ChangeRun>('change', { root: repo.root, incidents: repo.incidents, sample: repo.sample.file });
      const all = [...cold, ...warm];
      const syncBaseline = stat(all.map((r) => r.baseline.syncMs));
      sizes[repo.notes] = {
        notes: repo.notes,
        megabytes: round(repo.bytes / 1048576),
        indexed: cold[0].notes,
        baselineSync: syncBaseline,
        baselineSyncSpread: round((syncBaseline.max - syncBaseline.min) / syncBaseline.median),
        baselineAsync: stat(all.map((r) => r.baseline.asyncMs)),
        coldIndex: stat(cold.map((r) => r.scanMs)),
        coldCpu: stat(cold.map((r) => r.scanCpuMs)),
        coldRatioSync: stat(cold.map((r) => r.scanMs / r.baseline.syncMs)),
        coldRatioAsync: stat(cold.map((r) => r.scanMs / r.baseline.asyncMs)),
        cacheSave: stat(cold.map((r) => r.cacheSaveMs)),
        cacheMB: round(cold[0].cacheBytes / 1048576),
        warmStart: stat(warm.map((r) => r.scanMs)),
        warmCpu: stat(warm.map((r) => r.scanCpuMs)),
        warmRatioSync: stat(warm.map((r) => r.scanMs / r.baseline.syncMs)),
        warmRatioAsync: stat(warm.map((r) => r.scanMs / r.baseline.asyncMs)),
        update: stat(change.updateMs),
        updateCpu: stat(change.updateCpuMs),
        regroup: stat(change.regroupMs),
        fullRegroup: stat(change.fullRegroupMs),
        linksUpdate: stat(change.linksUpdateMs),
        firstRootGrouping: stat([change.firstRootGroupingMs]),
        firstGroupExpand: stat([change.firstGroupExpandMs]),
        firstGroupSize: change.firstGroupSize,
        firstFilter: stat([change.firstFilterMs]),
        againFilter: stat([change.againFilterMs]),
        settledExpand: stat([change.settledExpandMs]),
        settledFilter: stat([change.settledFilterMs]),
        linksBuild: stat([change.linksBuildMs]),
        linksLookup: stat([change.linksLookupMs]),
        linkedFiles: change.linkedFiles,
      };
      console.log(`${repo.notes} notes measured`);
    }
    const big = repos[repos.length - 1];
    const memoryCold = child<MemoryRun>('memory', { root: big.root, incidents: big.incidents, warm: false });
    const memoryWarm = child<MemoryRun>('memory', { root: big.root, incidents: big.incidents, warm: true });
    const git = child<GitRun>('git', { root: big.root, sample: big.sample });
    const activation = [0, 1, 2].map(() => child<ActivationRun>('activate', { bundle: options.bundle, root: big.root, incidents: big.incidents }));
    const wording = child<WordingRun>('wording', {});
    const segments = child<SegmentsRun>('segments', {});
    const listCold: ListRun[] = [];
    const listWarm: ListRun[] = [];
    for (let i = 0; i < 5; i++) {
      listCold.push(child<ListRun>('list', { root: big.root, incidents: big.incidents, cli: options.cli, warm: false }));
      listWarm.push(child<ListRun>('list', { root: big.root, incidents: big.incidents, cli: options.cli, warm: true }));
    }
    const bundle = bundleInfo(options.bundle, options.metafile);
    const siteRepo = repos[0];
    const sites = [0, 1, 2].map(() => child<SiteRun>('site', { root: siteRepo.root, incidents: siteRepo.incidents }));
    const review = reviewSections(tmp, options.cli, (task, args) => child<ReviewRun>(task, args), stat);
    Object.assign(results, {
      review,
      site: {
        notes: sites[0].notes,
        pages: sites[0].pages,
        baseline: stat(sites.map((r) => r.baselineMs)),
        build: stat(sites.map((r) => r.buildMs)),
        buildCpu: stat(sites.map((r) => r.buildCpuMs)),
        ratio: stat(sites.map((r) => r.buildMs / r.baselineMs)),
        indexKB: round(sites[0].indexBytes / 1024),
        searchKB: round(sites[0].searchBytes / 1024),
        assetsKB: round(sites[0].assetBytes / 1024),
        totalMB: round(sites[0].totalBytes / 1048576),
      },
      sizes,
      memory: {
        notes: memoryCold.notes,
        coldHeapMB: round(memoryCold.heapMB),
        warmHeapMB: round(memoryWarm.heapMB),
        warmAllBodiesHeapMB: round(memoryWarm.heapAllBodiesMB),
        bodyChars: memoryWarm.bodyChars,
      },
      git: { capture: stat(git.captureMs), processes: git.processes, bareRevParse: stat(git.bareMs) },
      activation: {
        stub: true,
        require: stat(activation.map((a) => a.requireMs)),
        activate: stat(activation.map((a) => a.activateMs)),
        noteFilesTouched: Math.max(...activation.map((a) => a.noteFilesTouched)),
        languageModelLoaded: activation.some((a) => a.languageModelLoaded === true),
        error: activation.find((a) => a.error)?.error,
      },
      wording: {
        lines: wording.lines,
        findings: wording.findings,
        taggerLoadMs: round(wording.taggerLoadMs),
        baseline: stat(wording.baselineMs),
        firstCheck: stat(wording.firstCheckMs),
        firstCheckRatio: round(stat(wording.firstCheckMs).median / stat(wording.baselineMs).median),
        recheck: stat(wording.recheckMs),
        recheckRatio: round(stat(wording.recheckMs).median / stat(wording.baselineMs).median),
      },
      segments: {
        lines: segments.lines,
        segments: segments.segments,
        ours: stat(segments.oursMs),
        markdownIt: stat(segments.markdownItMs),
        ratio: round(stat(segments.markdownItMs).median / stat(segments.oursMs).median),
        markdownItLoadMs: round(segments.markdownItLoadMs),
      },
      list: {
        notes: big.notes,
        rows: listCold[0].rows,
        baselineSync: stat([...listCold, ...listWarm].map((r) => r.baselineSyncMs)),
        nodeStart: stat([...listCold, ...listWarm].map((r) => r.nodeStartMs)),
        cold: stat(listCold.map((r) => r.listMs)),
        coldRatio: stat(listCold.map((r) => r.listMs / r.baselineSyncMs)),
        warm: stat(listWarm.map((r) => r.listMs)),
        warmRatio: stat(listWarm.map((r) => r.listMs / r.baselineSyncMs)),
      },
      similar: similarFigures(),
      bundle,
      totalSeconds: round((Date.now() - started) / 1000),
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(options.results), { recursive: true });
  fs.writeFileSync(options.results, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  console.log(`\nwrote ${path.relative(process.cwd(), options.results)} in ${results.totalSeconds} s`);
}

function printTable(r: Record<string, unknown>): void {
  const sizes = r.sizes as Record<string, Record<string, Stat & number>>;
  const keys = Object.keys(sizes);
  const rows: [string, ...string[]][] = [
    ['notes (MB on disk)', ...keys.map((k) => `${sizes[k].notes} (${sizes[k].megabytes} MB)`)],
    ['plain read: readFileSync loop (baseline)', ...keys.map((k) => fmt(sizes[k].baselineSync))],
    ['  its spread, (max-min)/median', ...keys.map((k) => `${(sizes[k].baselineSyncSpread * 100).toFixed(0)} %`)],
    ['plain read: 32 async fs.readFile', ...keys.map((k) => fmt(sizes[k].baselineAsync))],
    ['cold index (no cache)', ...keys.map((k) => fmt(sizes[k].coldIndex))],
    ['  × sync read / × async read', ...keys.map((k) => `${fmt(sizes[k].coldRatioSync, '×')} / ${fmt(sizes[k].coldRatioAsync, '×')}`)],
    ['  CPU time', ...keys.map((k) => fmt(sizes[k].coldCpu))],
    ['cache write (after, not awaited)', ...keys.map((k) => `${fmt(sizes[k].cacheSave)}, ${sizes[k].cacheMB} MB`)],
    ['warm start (from the cache)', ...keys.map((k) => fmt(sizes[k].warmStart))],
    ['  × sync read / × async read', ...keys.map((k) => `${fmt(sizes[k].warmRatioSync, '×')} / ${fmt(sizes[k].warmRatioAsync, '×')}`)],
    ['  CPU time', ...keys.map((k) => fmt(sizes[k].warmCpu))],
    ['one note changed: NoteIndex.update', ...keys.map((k) => fmt(sizes[k].update))],
    ['  its CPU time', ...keys.map((k) => fmt(sizes[k].updateCpu))],
    ['  the tree regrouping just that note (regroupChanged)', ...keys.map((k) => fmt(sizes[k].regroup))],
    ['  (grouping every note again, as before)', ...keys.map((k) => fmt(sizes[k].fullRegroup))],
    ['  the path → links map updated for that note', ...keys.map((k) => fmt(sizes[k].linksUpdate))],
    ['first grouping of the root', ...keys.map((k) => fmt(sizes[k].firstRootGrouping))],
    ['first expansion of one group, at once', ...keys.map((k) => `${fmt(sizes[k].firstGroupExpand)} (${sizes[k].firstGroupSize} notes)`)],
    ['  2 s after the start', ...keys.map((k) => fmt(sizes[k].settledExpand))],
    ['first text filter over all notes, at once', ...keys.map((k) => `${fmt(sizes[k].firstFilter)}, then ${fmt(sizes[k].againFilter)}`)],
    ['  2 s after the start', ...keys.map((k) => fmt(sizes[k].settledFilter))],
    ['path→links map build (as LinkedCode)', ...keys.map((k) => `${fmt(sizes[k].linksBuild)} (${sizes[k].linkedFiles} links)`)],
    ['  one lookup', ...keys.map((k) => fmt(sizes[k].linksLookup))],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  const colWidth = keys.map((_, i) => Math.max(...rows.map((row) => row[i + 1].length)));
  console.log('');
  for (const row of rows) {
    console.log(`${row[0].padEnd(width)}  ${row.slice(1).map((c, i) => c.padEnd(colWidth[i])).join('  ')}`);
  }
  const m = r.machine as Record<string, unknown>;
  const mem = r.memory as Record<string, number>;
  const git = r.git as { capture: Stat; processes: number; bareRevParse: Stat };
  const act = r.activation as { require: Stat; activate: Stat; noteFilesTouched: number; error?: string };
  const bundle = r.bundle as BundleInfo;
  console.log('');
  console.log(`heap of the ${mem.notes}-note index: ${mem.coldHeapMB} MB cold; from the cache ${mem.warmHeapMB} MB, ${mem.warmAllBodiesHeapMB} MB once all bodies (${(mem.bodyChars / 1048576).toFixed(1)} M characters) were read`);
  console.log(`Log Mistake capture: ${fmt(git.capture)}, ${git.processes} git processes; bare \`git rev-parse HEAD\`: ${fmt(git.bareRevParse)}`);
  console.log(`activation (STUB vscode module, not a real extension host): require ${fmt(act.require)}, activate() ${fmt(act.activate)}, note files touched: ${act.noteFilesTouched}${act.error ? `, error: ${act.error}` : ''}`);
  const w = r.wording as { lines: number; findings: number; taggerLoadMs: number; baseline: Stat; firstCheck: Stat; firstCheckRatio: number; recheck: Stat; recheckRatio: number };
  console.log(`wording check of a ${w.lines}-line note (${w.findings} findings): phrase rules alone (baseline) ${fmt(w.baseline)}; full rules, first check ${fmt(w.firstCheck)} (${w.firstCheckRatio}×), after one edited line ${fmt(w.recheck)} (${w.recheckRatio}×); tagger load once ${w.taggerLoadMs} ms; loaded by activation: ${(r.activation as { languageModelLoaded?: boolean }).languageModelLoaded ? 'YES' : 'no'}`);
  const seg = r.segments as { lines: number; ours: Stat; markdownIt: Stat; ratio: number; markdownItLoadMs: number };
  console.log(`prose/code/comment split of a ${seg.lines}-line note: markdownSegments ${fmt(seg.ours)}; markdown-it parse alone ${fmt(seg.markdownIt)} (${seg.ratio}×), its load once ${seg.markdownItLoadMs} ms`);
  const list = r.list as { notes: number; rows: number; baselineSync: Stat; nodeStart: Stat; cold: Stat; coldRatio: Stat; warm: Stat; warmRatio: Stat };
  console.log(`candor list --json over ${list.notes} notes (${list.rows} rows), a whole process: cold ${fmt(list.cold)} = ${fmt(list.coldRatio, '×')} the plain read (${fmt(list.baselineSync)}); warm ${fmt(list.warm)} = ${fmt(list.warmRatio, '×')}; a bare node start ${fmt(list.nodeStart)}`);
  console.log(`dist/extension.js (minified): ${(bundle.bytes / 1024).toFixed(0)} KiB; largest packages: ${bundle.packages.slice(0, 4).map((p) => `${p.name} ${(p.bytes / 1024).toFixed(0)} KiB`).join(', ')}; bundled twice: ${bundle.duplicates.length ? bundle.duplicates.map((d) => d.name).join(', ') : 'none'}`);
  const site = r.site as { notes: number; pages: number; baseline: Stat; build: Stat; buildCpu?: Stat; ratio: Stat; indexKB: number; searchKB: number; assetsKB: number; totalMB: number };
  const sitePackages = bundle.packages.filter((p) => ['markdown-it', 'minisearch', 'sanitize-html', 'htmlparser2', 'entities', 'linkify-it', 'mdurl', 'uc.micro', 'punycode.js', 'postcss', 'domhandler', 'domutils', 'dom-serializer', 'domelementtype', 'parse-srcset', 'is-plain-object', 'escape-string-regexp', 'deepmerge', 'nanoid', 'picocolors', 'source-map-js'].includes(p.name));
  console.log(`candor site, ${site.notes} notes (${site.pages} pages): build ${fmt(site.build)} (CPU time ${fmt(site.buildCpu)}) = ${fmt(site.ratio, '×')} a plain read (${fmt(site.baseline)}); index.html ${site.indexKB} KiB + search data ${site.searchKB} KiB (loaded on first search) = ${(site.indexKB + site.searchKB).toFixed(0)} KiB together (1 MB = 977 KiB), + assets ${site.assetsKB} KiB; whole site ${site.totalMB} MB`);
  console.log(`  bundle cost of the site's libraries (loaded on first build, not at activation): ${sitePackages.map((p) => `${p.name} ${(p.bytes / 1024).toFixed(0)} KiB`).join(', ')}`);
  if (Array.isArray(r.review)) {
    printRows(reviewRows(r.review as ReviewSection[], fmt));
    console.log('');
  }
  printSimilar(r.similar as Record<string, unknown>);
  console.log(`machine: ${m.cores} cores, ${m.cpu}, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}, ${m.git}`);
}

if (process.argv[2] === 'child') {
  runChild(process.argv[3], JSON.parse(process.argv[4]) as unknown).then(
    (out) => process.stdout.write(`${JSON.stringify(out)}\n`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
} else {
  main(JSON.parse(process.argv[2] ?? '{}') as Options).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
