// Runs the real, bundled CLI (dist/cli.js) as a child process, as a person or a hook would, and
// builds it first when it is missing or older than the sources, so `npx mocha` alone is enough.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { renderNote, type NoteDraft } from '../../../src/core/noteWriting/newNoteFile';

/** The repository root: out/test/cli/helpers → four levels up. */
export const REPO = path.resolve(__dirname, '..', '..', '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : entry.name.endsWith('.ts') ? fs.statSync(full).mtimeMs : 0);
  }
  return newest;
}

let built = false;

export function ensureBuilt(): void {
  if (built) {
    return;
  }
  const sources = Math.max(newestSource(path.join(REPO, 'src')), fs.statSync(path.join(REPO, 'scripts', 'build.mjs')).mtimeMs);
  if (!fs.existsSync(CLI) || fs.statSync(CLI).mtimeMs < sources) {
    execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO, stdio: 'pipe' });
  }
  built = true;
}

/** Variables that change the CLI's output, removed so the parent's terminal settings don't leak in. */
const OUTPUT_ENV = ['NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'CANDOR_DEBUG', 'TERM'];

export function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of OUTPUT_ENV) {
    delete env[key];
  }
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...env, ...options.env }, encoding: 'utf8', timeout: 60_000 });
  if (result.error) {
    throw result.error;
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A note file as Candor writes it, with fixed times, for listings and checks. */
export function writeNote(root: string, id: string, draft: Partial<NoteDraft> & { title: string }, body?: string, dir = 'incidents'): string {
  const occurred = draft.occurred ?? new Date(`${id.slice(0, 10)}T09:00:00Z`);
  const text = renderNote(id, { severity: 'medium', commits: [], files: [], logged: occurred, ...draft, occurred });
  const file = path.join(root, dir, `${id}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body === undefined ? text : text.replace(/\n---\n[\s\S]*$/, `\n---\n\n${body}`));
  return file;
}

/** Writes a note file exactly as given: for broken ones. */
export function writeRaw(root: string, name: string, text: string, dir = 'incidents'): string {
  const file = path.join(root, dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

export function stdoutLines(result: CliResult): string[] {
  return result.stdout.split('\n').filter((l) => l !== '');
}
