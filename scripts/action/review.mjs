// The script behind action.yml (the Candor review GitHub Action), kept out of the YAML so a test
// can run it locally against a stub of the GitHub API. It prints `candor review --format github`
// annotations; given a token and a pull request, it posts one comment with the markdown body, or
// updates the comment it posted before (found by its hidden marker and its author) instead of
// adding another; with --fail-on, it exits 1 when a touched note is that severe.
//
// Environment: BASE, CONTEXT, FAIL_ON, GH_TOKEN, PR (the pull request's number), GITHUB_REPOSITORY,
// GITHUB_API_URL (default https://api.github.com); CANDOR_CLI to run another build of the CLI.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { fileURLToPath } from 'url';

const MARKER = '<!-- candor-review -->';
const env = process.env;
const cli = env.CANDOR_CLI || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');

/** Runs `candor review` with the step's base and context; a failure other than --fail-on's exit 1 ends the step with its code. */
function review(format, extra = []) {
  const args = [cli, 'review', ...(env.BASE ? [env.BASE] : []), '--head', 'HEAD', '--context', env.CONTEXT || '3', '--format', format, ...extra];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error) {
    throw run.error;
  }
  process.stderr.write(run.stderr);
  if (run.status !== 0 && !(run.status === 1 && extra.includes('--fail-on'))) {
    console.log(`::error title=Candor review::candor review exited with ${run.status}${run.stderr ? `: ${escapeData(run.stderr.trim())}` : ''}`);
    process.exit(run.status ?? 1);
  }
  return { stdout: run.stdout, status: run.status };
}

function escapeData(text) {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

async function api(method, route, body) {
  const base = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const response = await fetch(`${base}${route}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${env.GH_TOKEN}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'candor-review-action',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    const error = new Error(`${method} ${route}: ${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return response.status === 204 ? undefined : response.json();
}

/** Who the token is: a user for a personal token; GITHUB_TOKEN has no /user, and its comments are the Actions bot's. */
async function tokenLogin() {
  try {
    return (await api('GET', '/user')).login;
  } catch {
    return undefined;
  }
}

/** The comment this action posted before: the marker at the start, written by the token's own identity (never someone else's comment). */
async function previousComment(repo, pr) {
  const login = await tokenLogin();
  for (let page = 1; page <= 50; page++) {
    const comments = await api('GET', `/repos/${repo}/issues/${pr}/comments?per_page=100&page=${page}`);
    const mine = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(MARKER) &&
      (login ? c.user?.login === login : c.user?.type === 'Bot'));
    if (mine) {
      return mine;
    }
    if (comments.length < 100) {
      return undefined;
    }
  }
  return undefined;
}

async function comment(touched) {
  const repo = env.GITHUB_REPOSITORY;
  const pr = env.PR;
  if (!/^\d+$/.test(pr ?? '') || !/^[\w.-]+\/[\w.-]+$/.test(repo ?? '')) {
    console.log('Candor review: not a pull request, no comment posted.');
    return;
  }
  const body = review('markdown').stdout;
  const previous = await previousComment(repo, pr);
  if (previous) {
    await api('PATCH', `/repos/${repo}/issues/comments/${previous.id}`, { body });
    console.log(`Candor review: updated comment ${previous.id} on #${pr}.`);
  } else if (touched > 0) {
    const created = await api('POST', `/repos/${repo}/issues/${pr}/comments`, { body });
    console.log(`Candor review: posted comment ${created.id} on #${pr}.`);
  } else {
    // Nothing to say and nothing said before: no comment on every pull request.
    console.log('Candor review: no learning touched, no comment posted.');
  }
}

async function main() {
  const failOn = env.FAIL_ON ? ['--fail-on', env.FAIL_ON] : [];
  const gate = review('json', failOn);
  const touched = JSON.parse(gate.stdout).touched.length;
  process.stdout.write(review('github').stdout);
  if (env.GH_TOKEN) {
    try {
      await comment(touched);
    } catch (err) {
      // The annotations are out; a comment that cannot be written is a warning, not a lost review.
      console.log(`::warning title=Candor review::The pull-request comment could not be written (${escapeData(err instanceof Error ? err.message : String(err))}). Does the token have pull-requests: write?`);
    }
  }
  if (gate.status === 1) {
    console.log(`::error title=Candor review::This change touches a learning of severity ${env.FAIL_ON} or worse.`);
    process.exit(1);
  }
}

await main();
