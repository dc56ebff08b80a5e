// The GitHub Action run locally: the Review step's own `run:` line from action.yml, in a fixture
// repository, with the environment the step sets and GITHUB_API_URL pointing at a stub of the
// GitHub API in this process. One comment posted, updated (not added) on the next run, someone
// else's comment with the marker left alone, and without a token only annotations.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { parse } from 'yaml';
import { addNote, edit, link, reviewRepo, SOURCE } from '../unit/helpers/reviewRepo';
import { ensureBuilt, REPO } from './helpers/cli';

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

interface Request {
  method: string;
  url: string;
  authorization?: string;
  body?: { body?: string };
}

/** Issue comments of pull request 7 of acme/shop, as GitHub keeps them; every request recorded. */
class GitHubStub {
  comments: Comment[] = [];
  requests: Request[] = [];
  private nextId = 100;
  private server = http.createServer((req, res) => this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as { body?: string }) : undefined;
      this.requests.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body });
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const url = new URL(req.url!, 'http://stub');
      if (req.method === 'GET' && url.pathname === '/user') {
        return send(403, { message: 'Resource not accessible by integration' }); // as for GITHUB_TOKEN
      }
      if (req.method === 'GET' && url.pathname === '/repos/acme/shop/issues/7/comments') {
        const page = Number(url.searchParams.get('page') ?? '1');
        return send(200, page === 1 ? this.comments : []);
      }
      if (req.method === 'POST' && url.pathname === '/repos/acme/shop/issues/7/comments') {
        const comment = { id: this.nextId++, body: body?.body ?? '', user: { login: 'github-actions[bot]', type: 'Bot' } };
        this.comments.push(comment);
        return send(201, comment);
      }
      const patch = /^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/.exec(url.pathname);
      const target = patch && this.comments.find((c) => c.id === Number(patch[1]));
      if (req.method === 'PATCH' && target) {
        target.body = body?.body ?? '';
        return send(200, target);
      }
      send(404, { message: 'Not Found' });
    });
  }
}

/** The Review step of action.yml: its run line and the names of the variables it sets. */
function reviewStep(): { run: string; env: string[] } {
  const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as { runs: { steps: { name: string; run: string; env?: Record<string, string> }[] } };
  const step = action.runs.steps.find((s) => s.name === 'Review')!;
  return { run: step.run, env: Object.keys(step.env ?? {}) };
}

function runStep(cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const { run } = reviewStep();
  return new Promise((resolve) => {
    execFile('bash', ['-c', run], { cwd, env: { PATH: process.env.PATH!, HOME: process.env.HOME!, GITHUB_ACTION_PATH: REPO, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('the GitHub Action (action.yml run locally)', function () {
  this.timeout(180_000); // each run is three CLI processes and git, on a shared machine
  let stub: GitHubStub;
  let api: string;

  before(ensureBuilt);
  beforeEach(async () => {
    stub = new GitHubStub();
    api = await stub.start();
  });
  afterEach(() => stub.stop());

  /** A pull request's checkout: feat, one commit that edits a linked line, main as the base. */
  function pullRequest() {
    const { repo } = reviewRepo();
    repo.git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
    repo.write('src/cache.ts', edit(SOURCE, { replace: 21 }));
    repo.git('commit', '-qam', 'Edit the cache');
    return repo;
  }

  const stepEnv = (extra: Record<string, string>) => ({
    BASE: 'main', CONTEXT: '3', FAIL_ON: '', PR: '7', GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: api, ...extra,
  });

  it('sets the variables the script reads, and runs a script file rather than inline shell', () => {
    const { run, env } = reviewStep();
    assert.strictEqual(run.trim(), 'node "$GITHUB_ACTION_PATH/scripts/action/review.mjs"');
    assert.deepStrictEqual(env.sort(), ['BASE', 'CONTEXT', 'FAIL_ON', 'GH_TOKEN', 'PR']);
  });

  it('with a token: annotations, one comment posted, then updated on the next run instead of a second', async () => {
    const repo = pullRequest();
    const first = await runStep(repo.root, stepEnv({ GH_TOKEN: 'secret-token' }));
    assert.strictEqual(first.code, 0, first.stderr + first.stdout);
    assert.match(first.stdout, /^::warning file=src\/cache\.ts,line=21,endLine=21,title=Learning%3A Flushed the production cache::/m);
    assert.match(first.stdout, /posted comment 100 on #7/);
    assert.strictEqual(stub.comments.length, 1);
    assert.match(stub.comments[0].body, /^<!-- candor-review -->\nThis change touches code with 1 learning/);
    assert.ok(stub.requests.every((r) => r.authorization === 'Bearer secret-token'));

    // The branch moves on: the next run rewrites the same comment.
    repo.write('src/cache.ts', edit(edit(SOURCE, { replace: 21 }), { replace: 2 }));
    repo.git('commit', '-qam', 'Edit more');
    const headText = repo.read('src/cache.ts');
    addNote(repo, '2026-01-09-header', [link(headText, 'src/cache.ts', 1, 2, repo.git('rev-parse', 'HEAD').trim())], { title: 'Header learning' });
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'Log another');
    const second = await runStep(repo.root, stepEnv({ GH_TOKEN: 'secret-token' }));
    assert.strictEqual(second.code, 0, second.stderr + second.stdout);
    assert.match(second.stdout, /updated comment 100 on #7/);
    assert.strictEqual(stub.comments.length, 1);
    assert.strictEqual(stub.requests.filter((r) => r.method === 'POST').length, 1);
    assert.deepStrictEqual(stub.requests.filter((r) => r.method === 'PATCH').map((r) => r.url), ['/repos/acme/shop/issues/comments/100']);
    assert.match(stub.comments[0].body, /Header learning/);
  });

  it('never rewrites someone else\'s comment that starts with the marker', async () => {
    const repo = pullRequest();
    stub.comments.push({ id: 5, body: '<!-- candor-review -->\nplanted', user: { login: 'mallory', type: 'User' } });
    const run = await runStep(repo.root, stepEnv({ GH_TOKEN: 'secret-token' }));
    assert.strictEqual(run.code, 0, run.stderr + run.stdout);
    assert.strictEqual(stub.comments.find((c) => c.id === 5)!.body, '<!-- candor-review -->\nplanted');
    assert.strictEqual(stub.comments.length, 2);
  });

  it('without a token: only annotations, no request to the API', async () => {
    const repo = pullRequest();
    const run = await runStep(repo.root, stepEnv({ GH_TOKEN: '' }));
    assert.strictEqual(run.code, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /^::warning file=src\/cache\.ts/m);
    assert.strictEqual(stub.requests.length, 0);
  });

  it('touching nothing with no earlier comment posts nothing; fail-on fails the step after commenting', async () => {
    const repo = pullRequest();
    const quiet = await runStep(repo.root, stepEnv({ GH_TOKEN: 't', BASE: 'HEAD' }));
    assert.strictEqual(quiet.code, 0, quiet.stderr + quiet.stdout);
    assert.strictEqual(stub.requests.filter((r) => r.method !== 'GET').length, 0);
    const gate = await runStep(repo.root, stepEnv({ GH_TOKEN: 't', FAIL_ON: 'high' }));
    assert.strictEqual(gate.code, 1, gate.stderr + gate.stdout);
    assert.match(gate.stdout, /::error title=Candor review::This change touches a learning of severity high or worse/);
    assert.strictEqual(stub.comments.length, 1);
  });

  it('a bad base ends the step with candor review\'s exit code and its message', async () => {
    const repo = pullRequest();
    const run = await runStep(repo.root, stepEnv({ GH_TOKEN: '', BASE: 'origin/nope' }));
    assert.strictEqual(run.code, 2);
    assert.match(run.stdout, /::error title=Candor review::candor review exited with 2: .*origin\/nope is not a commit/);
  });
});
