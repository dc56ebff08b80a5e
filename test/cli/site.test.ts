// `candor site` from the command line: the current repository into the default folder, several
// repositories into one site with a repository facet, --exclude-tag, --base-url checked, and a
// folder it did not build left alone.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TempRepo, tempDir } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli, writeNote } from './helpers/cli';

function repoWithNotes(): TempRepo {
  const repo = TempRepo.create();
  writeNote(repo.root, '2026-01-05-flushed-the-cache', { title: 'Flushed the cache', tags: ['cache'] });
  writeNote(repo.root, '2026-01-06-private-matter', { title: 'A private matter', tags: ['private'] });
  return repo;
}

describe('candor site', function () {
  this.timeout(60_000);
  before(ensureBuilt);

  it('builds the current repository into candor-site/ and says where', () => {
    const repo = repoWithNotes();
    const result = runCli(['site'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.strictEqual(result.stdout, 'Built 5 pages from 2 notes into candor-site/\n');
    assert.ok(fs.existsSync(path.join(repo.root, 'candor-site', 'index.html')));
    const again = runCli(['site', '--exclude-tag', 'private', '--title', 'Our learnings'], { cwd: repo.root });
    assert.strictEqual(again.code, 0, again.stderr);
    assert.strictEqual(again.stdout, 'Built 4 pages from 1 note into candor-site/\n', 'a site built before is replaced');
    const index = fs.readFileSync(path.join(repo.root, 'candor-site', 'index.html'), 'utf8');
    assert.match(index, /<h1>Our learnings<\/h1>/);
    assert.doesNotMatch(index, /private matter/i);
  });

  it('builds one site of several repositories, with a repository facet and no collision', () => {
    const api = repoWithNotes();
    const web = repoWithNotes();
    const out = path.join(tempDir(), 'public');
    const result = runCli(['site', '--out', out, api.root, web.root], { cwd: path.dirname(api.root) });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Built 7 pages from 4 notes into /);
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    assert.match(index, /<select id="filter-repo" data-facet="repo">/);
    const pages = fs.readdirSync(path.join(out, 'notes'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    assert.strictEqual(pages.length, 4, pages.join(', '));
  });

  it('refuses a --base-url that is not http(s), and a folder it did not build (exit 2, nothing touched)', () => {
    const repo = repoWithNotes();
    const bad = runCli(['site', '--base-url', 'javascript:alert(1)'], { cwd: repo.root });
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--base-url "javascript:alert\(1\)" is not an http\(s\) URL\./);
    const mine = tempDir();
    fs.writeFileSync(path.join(mine, 'thesis.md'), 'mine');
    const refused = runCli(['site', '--out', mine], { cwd: repo.root });
    assert.strictEqual(refused.code, 2);
    assert.match(refused.stderr, /is not empty and is not a site Candor built/);
    assert.strictEqual(fs.readFileSync(path.join(mine, 'thesis.md'), 'utf8'), 'mine');
  });
});
