// Installs and starts code-server: a real VS Code (server + web workbench) from npm, because
// @vscode/test-electron's download of desktop VS Code cannot work on machines without internet.
// Recipe: /work/shared/notes/real-vscode-tests.md (code-server 4.99.4 = VS Code 1.99.3, Node 20).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const CODE_SERVER_VERSION = '4.99.4';
// @vscode/ripgrep (a code-server dependency) downloads this exact archive from GitHub in its
// postinstall unless it already sits in its cache folder under TMPDIR.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
export const CHROMIUM = '/usr/bin/chromium';

export interface CodeServer {
  port: number;
  /** Workbench URL opening `folder`; `payload` carries extensionDevelopmentPath/extensionTestsPath. */
  url(folder: string, payload?: [string, string][]): string;
  /** `vscode-remote://` URI for a path on this machine, as the payload expects. */
  remoteUri(absPath: string): string;
  stop(): void;
}

// Settings that keep the workbench quiet so tests and screenshots see only what they need.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

function onPath(cmd: string): string | undefined {
  const r = spawnSync('/bin/sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Fails early, naming the Debian packages, rather than deep inside npm or Playwright. */
function requirePackages(what: string, missing: string[]): void {
  if (missing.length === 0) return;
  throw new Error(`Missing Debian packages ${what}: ${missing.join(', ')}.\n` +
    `Install with: apt-get install -y --no-install-recommends ${missing.join(' ')}`);
}

export function requireSystemTools(): void {
  requirePackages('to run the integration tests', [
    ...(!onPath('git') ? ['git'] : []),
    ...(!onPath('rg') ? ['ripgrep'] : []), // seeds @vscode/ripgrep's download cache at install
    ...(!fs.existsSync(CHROMIUM) ? ['chromium'] : []),
  ]);
}

export function codeServerBin(projectRoot: string): string {
  return path.join(projectRoot, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
}

function installedVersion(bin: string): string | undefined {
  if (!fs.existsSync(bin)) return undefined;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? r.stdout.trim().split(/\s+/)[0] : undefined;
}

/** Installs code-server into .vscode-test/code-server unless a working copy is already there. */
export function ensureCodeServer(projectRoot: string): string {
  requireSystemTools();
  const bin = codeServerBin(projectRoot);
  const have = installedVersion(bin);
  if (have) {
    if (have !== CODE_SERVER_VERSION) console.log(`harness: using code-server ${have} (wanted ${CODE_SERVER_VERSION})`);
    return bin;
  }
  // VS Code's native modules (kerberos, node-pty, spdlog, ...) compile during the install: no
  // prebuilt binaries can be downloaded here. kerberos builds against the libkrb5-dev headers.
  requirePackages('to build code-server', [
    ...(['g++', 'make'].some((c) => !onPath(c)) ? ['build-essential'] : []),
    ...(!onPath('python3') ? ['python3'] : []),
    ...(!fs.existsSync('/usr/include/gssapi/gssapi.h') ? ['libkrb5-dev'] : []),
  ]);

  const dest = path.dirname(path.dirname(path.dirname(bin)));
  const started = Date.now();
  console.log(`harness: installing code-server@${CODE_SERVER_VERSION} into ${path.relative(projectRoot, dest)} (about a minute)`);
  fs.mkdirSync(dest, { recursive: true });
  fs.writeFileSync(path.join(dest, 'package.json'), '{"private":true}\n');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-cs-install-'));
  try {
    const rgDir = path.join(tmp, 'rg');
    fs.mkdirSync(rgDir);
    fs.mkdirSync(path.join(tmp, RIPGREP_CACHE));
    fs.copyFileSync(onPath('rg')!, path.join(rgDir, 'rg'));
    fs.chmodSync(path.join(rgDir, 'rg'), 0o755);
    run('tar', ['czf', path.join(tmp, RIPGREP_CACHE, RIPGREP_ARCHIVE), '-C', rgDir, 'rg'], dest, process.env);

    // npm_config_yes: node-pty's postinstall calls npx; --unsafe-perm: postinstalls run as root in CI.
    const log = path.join(dest, 'install.log');
    const env = { ...process.env, TMPDIR: tmp, npm_config_yes: 'true' };
    const args = ['install', '--no-save', '--no-audit', '--no-fund', '--unsafe-perm', `code-server@${CODE_SERVER_VERSION}`];
    const r = spawnSync('npm', args, { cwd: dest, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    fs.writeFileSync(log, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
    if (r.status !== 0 || !installedVersion(bin)) {
      const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
      throw new Error(`code-server install failed (full log: ${log}):\n${tail}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`harness: code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return bin;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

/** Asks the OS for a free loopback port so parallel runs cannot collide. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts code-server with a fresh user-data-dir and extensions-dir; resolves once it listens. */
export async function startCodeServer(bin: string, options: { untrusted?: boolean } = {}): Promise<CodeServer> {
  const port = await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-cs-'));
  const userDataDir = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  // Untrusted: Workspace Trust on, no startup prompt, so the folder opens in Restricted Mode.
  const settings = options.untrusted
    ? { ...USER_SETTINGS, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
    : USER_SETTINGS;
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const args = [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', ...(options.untrusted ? [] : ['--disable-workspace-trust']), '--ignore-last-opened',
    '--user-data-dir', userDataDir, '--extensions-dir', path.join(tmp, 'extensions'),
  ];
  // detached: the server forks an extension host per window; its own process group lets stop()
  // end exactly the processes it started, by the pid it got.
  // The index cache's signing key goes to this run's folder, not the user's own state folder.
  const env = { ...process.env, CANDOR_STATE_DIR: path.join(tmp, 'candor-state') };
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  let stopped = false;

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  // Never leave a server behind if the harness dies.
  process.once('exit', stop);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('timed out after 60 s')), 60_000);
    const fail = (err: Error): void => {
      clearTimeout(timer);
      stop();
      reject(new Error(`code-server did not start: ${err.message}\n${output.slice(-4000)}`));
    };
    const onExit = (code: number | null): void => fail(new Error(`exited with code ${code}`));
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (!output.includes('HTTP server listening')) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      // Keep draining the pipes so the server never blocks on a full one; the text is not needed.
      child.stdout!.off('data', onData).resume();
      child.stderr!.off('data', onData).resume();
      resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', fail);
    child.once('exit', onExit);
  });

  const remoteUri = (absPath: string): string => `vscode-remote://127.0.0.1:${port}${encodeURI(absPath)}`;
  return {
    port,
    remoteUri,
    url(folder, payload) {
      const q = new URLSearchParams({ folder });
      if (payload) q.set('payload', JSON.stringify(payload));
      return `http://127.0.0.1:${port}/?${q.toString()}`;
    },
    stop,
  };
}
