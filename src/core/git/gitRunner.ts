// The one place that starts git. Notes and repositories may be hostile, so every call:
// - asks the injected trust check first (the editor's Workspace Trust; the CLI's own rule);
// - runs with a minimal environment and overrides that keep the repository's config from
//   starting programs (fsmonitor, pager, external diff, signature checks, filters);
// - treats paths literally (`GIT_LITERAL_PATHSPECS`) and has a timeout.
import * as fs from 'fs';
import type { SimpleGit } from 'simple-git';
import { simpleGitLib } from '../libraries';

export class GitUntrustedError extends Error {
  constructor() {
    super('Git is not run in an untrusted workspace.');
    this.name = 'GitUntrustedError';
  }
}

export class GitMissingError extends Error {
  constructor(detail: string) {
    super(`Git could not be started (${detail}). Install git or put it on the PATH.`);
    this.name = 'GitMissingError';
  }
}

export class GitCommandError extends Error {
  constructor(readonly command: string, readonly stderr: string) {
    super(`git ${command} failed: ${stderr.trim().split('\n')[0] || 'no message'}`);
    this.name = 'GitCommandError';
  }
}

export interface GitRunnerOptions {
  /** Called before every git process; false refuses the call. */
  isTrusted: () => boolean;
  /** Milliseconds without output before a git process is killed. */
  timeoutMs?: number;
  /** The git binary, for tests and unusual installs. */
  binary?: string;
}

/** Options that stop a repository's own config from running programs for the commands we use. */
const SAFE_CONFIG = [
  'core.fsmonitor=false',
  'core.pager=cat',
  'core.untrackedCache=false',
  'log.showSignature=false',
  'diff.noprefix=false',
  'color.ui=false',
];

/** Only what git needs to find itself, the user's global config and a temp folder. */
const PASSED_ENV = ['PATH', 'HOME', 'USERPROFILE', 'XDG_CONFIG_HOME', 'SystemRoot', 'TMP', 'TEMP', 'TMPDIR', 'LANG', 'LC_ALL', 'LC_CTYPE'];

export class GitRunner {
  /** Git processes started, for the benchmark's count. */
  processCount = 0;
  private readonly timeoutMs: number;

  constructor(private readonly options: GitRunnerOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /**
   * Runs `git <args>` in `cwd` and returns stdout. `extraConfig` adds `-c key=value` overrides
   * (for example neutralising filter drivers found in the repository's config). `signal` kills
   * the process when aborted (a person pressed Cancel); the call then rejects.
   */
  async run(cwd: string, args: string[], extraConfig: string[] = [], input?: string, signal?: AbortSignal): Promise<string> {
    signal?.throwIfAborted();
    if (!this.options.isTrusted()) {
      throw new GitUntrustedError();
    }
    if (!isDirectory(cwd)) {
      throw new GitCommandError(args[0] ?? '', `folder does not exist: ${cwd}`);
    }
    const git: SimpleGit = simpleGitLib().simpleGit({
      baseDir: cwd,
      binary: this.options.binary ?? 'git',
      maxConcurrentProcesses: 4,
      trimmed: false,
      config: [...SAFE_CONFIG, ...extraConfig],
      timeout: { block: this.timeoutMs },
      // simple-git refuses these settings in case a caller passes them from untrusted input; here
      // they come only from SAFE_CONFIG and filterOverrides, and they switch programs *off*.
      unsafe: { allowUnsafeFsMonitor: true, allowUnsafePager: true, allowUnsafeFilter: true },
      allowEnvironment: Object.keys(GIT_ENV),
      ...(input !== undefined ? { input: () => input } : {}),
      ...(signal ? { abort: signal } : {}),
    }).env(minimalEnv());
    this.processCount++;
    try {
      return await git.raw(args);
    } catch (err) {
      throw this.translate(args[0] ?? '', err);
    }
  }

  private translate(command: string, err: unknown): Error {
    const message = err instanceof Error ? err.message : String(err);
    if (/ENOENT|spawn .* ENOENT|not found/i.test(message) && !/fatal:/.test(message)) {
      return new GitMissingError(message.split('\n')[0]);
    }
    return new GitCommandError(command, message);
  }
}

const GIT_ENV: Record<string, string> = {
  GIT_TERMINAL_PROMPT: '0',
  // Reading must never take the index lock a person's own git command may need.
  GIT_OPTIONAL_LOCKS: '0',
  GIT_LITERAL_PATHSPECS: '1',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
};

function minimalEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of PASSED_ENV) {
    const value = process.env[key];
    if (value !== undefined) {
      env[key] = value;
    }
  }
  return { ...env, ...GIT_ENV };
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
