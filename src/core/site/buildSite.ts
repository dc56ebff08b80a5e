// `candor site` and `candor.buildSite`: builds the static site into a folder. The output depends
// only on the notes (sorted, no build time), so rebuilding unchanged notes gives identical bytes.
// A folder that holds something other than a site Candor built is never overwritten.
import * as fs from 'fs';
import * as path from 'path';
import type { GitRunner } from '../git/gitRunner';
import { computeInsights } from '../insights/insights';
import { atomFeed } from './siteFeed';
import { CLIENT_SCRIPT } from './siteClientScript';
import { indexPage } from './siteIndexPage';
import { hotspotsPage, insightsPage } from './siteInsightsPages';
import { notePage } from './siteNotePage';
import { siteNoteLookup } from './siteNoteResponses';
import { searchDataScript } from './siteSearchData';
import { collectSiteSources, type SiteNote, type SiteRepoInput } from './siteSources';
import { SITE_CSS } from './siteStyles';
import { summarize, type NoteSummary } from './siteSummary';

export interface SiteOptions {
  out: string;
  title?: string;
  baseUrl?: string;
  excludeTags?: string[];
}

export interface SiteResult {
  out: string;
  notes: number;
  pages: number;
}

/** The file that marks a folder as a Candor site, so a rebuild may replace what is in it. */
export const SITE_MARKER = '.candor-site';

export class SiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteError';
  }
}

export async function buildSite(repos: SiteRepoInput[], git: GitRunner | undefined, options: SiteOptions): Promise<SiteResult> {
  const out = path.resolve(options.out);
  const title = options.title?.trim() || 'Learnings';
  const sources = await collectSiteSources(repos, git, options.excludeTags ?? []);
  const summaries = new Map<SiteNote, NoteSummary>(sources.notes.map((n) => [n, summarize(n.note)]));
  // No "today": overdue depends on the day of the build, and the site must not.
  const insights = computeInsights(sources.parsed, { commitTimes: sources.commitTimes, trailerFixes: sources.trailerFixes, today: '' });
  const files = new Map<string, string>([
    ['index.html', indexPage(title, sources.notes, summaries, sources.repos)],
    ['search-index.js', searchDataScript(sources.notes, summaries)],
    ['insights.html', insightsPage(title, insights)],
    ['hotspots.html', hotspotsPage(title, insights, sources.notes)],
    ['feed.xml', atomFeed(title, options.baseUrl, sources.notes, summaries)],
    ['assets/site.css', SITE_CSS],
    ['assets/site.js', CLIENT_SCRIPT],
    ['assets/minisearch.js', minisearchBrowserBundle()],
    [SITE_MARKER, 'This folder is a site built by `candor site`; a rebuild replaces its contents.\n'],
  ]);
  const lookup = siteNoteLookup(sources.notes);
  for (const n of sources.notes) {
    files.set(n.page, notePage(title, n, lookup));
  }
  prepareOutput(out);
  const made = new Set<string>();
  for (const [rel, text] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const abs = path.join(out, rel);
    const dir = path.dirname(abs);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.writeFileSync(abs, text);
  }
  const pages = [...files.keys()].filter((f) => f.endsWith('.html')).length;
  return { out, notes: sources.notes.length, pages };
}

/** Empties a folder Candor built before; refuses one with other contents. */
function prepareOutput(out: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(out);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      fs.mkdirSync(out, { recursive: true });
      return;
    }
    throw new SiteError(`Cannot use ${out} for the site: ${(err as Error).message}`);
  }
  if (entries.length === 0) {
    return;
  }
  if (!entries.includes(SITE_MARKER)) {
    throw new SiteError(`${out} is not empty and is not a site Candor built; choose an empty or new folder.`);
  }
  // Removing what is there drops pages of deleted notes; everything in it was built by Candor.
  for (const entry of entries) {
    fs.rmSync(path.join(out, entry), { recursive: true, force: true });
  }
}

/** MiniSearch's browser build: next to the bundle when packaged, else from node_modules. */
function minisearchBrowserBundle(): string {
  const candidates = [path.join(__dirname, 'minisearch.umd.js')];
  try {
    // The package's exports hide dist/umd; it sits beside the CommonJS build.
    candidates.push(path.join(path.dirname(require.resolve('minisearch')), '..', 'umd', 'index.js'));
  } catch {
    // Not installed beside us: the packaged extension carries its own copy.
  }
  for (const file of candidates) {
    try {
      return fs.readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
    } catch {
      // Try the next place.
    }
  }
  throw new SiteError('The search library (minisearch) is missing from this installation.');
}
