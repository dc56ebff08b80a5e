// The secret that signs index caches (indexCache.ts). A cache lives in a repository's git dir,
// which an archive of a repository can bring along; signed with a key that only this user's
// Candor has, a cache is used only if this user's Candor wrote it, so a warm start trusts its
// entries without checking each one. The key lives outside every repository, in the user's state
// folder, where the editor and the CLI both find it, so they share their caches.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const CACHE_KEY_FILE = 'index-cache.key';
const KEY_TEXT = /^[0-9a-f]{64}\n?$/;

/**
 * Candor's folder for per-user state: `$CANDOR_STATE_DIR` if set to an absolute path, else the
 * platform's usual place (`$XDG_STATE_HOME` or `~/.local/state`, `~/Library/Application
 * Support`, `%LOCALAPPDATA%`), with a `candor` folder in it.
 */
export function userStateDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  const own = env.CANDOR_STATE_DIR;
  if (own && path.isAbsolute(own)) {
    return own;
  }
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA && path.isAbsolute(env.LOCALAPPDATA) ? env.LOCALAPPDATA : path.join(home, 'AppData', 'Local');
    return path.join(local, 'candor');
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', 'candor');
  }
  // The XDG spec: a relative value is invalid and must be ignored.
  const state = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(home, '.local', 'state');
  return path.join(state, 'candor');
}

/**
 * The 32-byte key in `dir`, made (readable by this user only) when missing and `create` is set;
 * undefined when there is none or it cannot be read or made. Never throws.
 */
export function readCacheKey(dir: string, create: boolean): Buffer | undefined {
  const file = path.join(dir, CACHE_KEY_FILE);
  const key = readKeyFile(file);
  if (key || !create) {
    return key;
  }
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // `wx`: two windows making a key at once keep the first one; the other reads it below.
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch {
    // Made by someone else meanwhile (read below), or not possible here: no cache, then.
  }
  return readKeyFile(file);
}

function readKeyFile(file: string): Buffer | undefined {
  try {
    const text = fs.readFileSync(file, 'latin1');
    // Anything else (a half-written file, an edit) is no key: caches are then neither read nor
    // written, rather than signed with something guessable.
    return KEY_TEXT.test(text) ? Buffer.from(text.slice(0, 64), 'hex') : undefined;
  } catch {
    return undefined;
  }
}
