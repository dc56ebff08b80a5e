// Web links to files, lines and commits on the host behind the `origin` remote.
// A remote URL comes from the repository's config, which may be hostile: only http(s), ssh and
// scp-like forms are read, every path segment is decoded and re-encoded, credentials are dropped,
// and anything unexpected gives `undefined` rather than a link somewhere surprising.
import { SHA_PATTERN } from '../noteFormat/noteModel';
import type { GitRunner } from '../git/gitRunner';

export type HostKind = 'github' | 'gitlab' | 'bitbucket' | 'azure';

export interface RemoteWeb {
  kind: HostKind;
  /** The web host, with its port when the remote was http(s) on a non-default port. */
  host: string;
  /** e.g. https://github.com/owner/repo */
  base: string;
}

const KINDS: readonly HostKind[] = ['github', 'gitlab', 'bitbucket', 'azure'];

/** Public hosts: the host a remote names → the kind and the host its web pages are on. */
const PUBLIC_HOSTS: Record<string, { kind: HostKind; web: string }> = {
  'github.com': { kind: 'github', web: 'github.com' },
  'ssh.github.com': { kind: 'github', web: 'github.com' },
  'gitlab.com': { kind: 'gitlab', web: 'gitlab.com' },
  'altssh.gitlab.com': { kind: 'gitlab', web: 'gitlab.com' },
  'bitbucket.org': { kind: 'bitbucket', web: 'bitbucket.org' },
  'altssh.bitbucket.org': { kind: 'bitbucket', web: 'bitbucket.org' },
  'dev.azure.com': { kind: 'azure', web: 'dev.azure.com' },
  'ssh.dev.azure.com': { kind: 'azure', web: 'dev.azure.com' },
  'vs-ssh.visualstudio.com': { kind: 'azure', web: 'dev.azure.com' },
};

const MAX_URL_LENGTH = 2048;
const HOST_PATTERN = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/;
const URL_FORM = /^(https?|ssh|git\+ssh|ssh\+git):\/\/([^/]*)(\/.*)?$/i;
/** `[user@]host:path`, where the colon comes before any slash (git's own rule for scp-like URLs). */
const SCP_FORM = /^(?:[^@/]*@)?([^@/:]+):(.*)$/;

interface RawRemote {
  scheme: 'http' | 'https' | 'ssh';
  host: string;
  port?: number;
  /** Decoded path segments, none empty. */
  segments: string[];
}

/**
 * Parses an origin URL in any common form: https (with or without user:password@, which is dropped),
 * ssh://git@host:port/path, scp-like git@host:owner/repo.git, Azure DevOps https
 * (dev.azure.com/org/project/_git/repo, org@dev.azure.com/...) and ssh (git@ssh.dev.azure.com:v3/org/project/repo),
 * old visualstudio.com URLs. `customHosts` maps a self-hosted host name (e.g. "git.example.com") to its kind.
 * Unknown hosts → undefined. Never throws.
 *
 * The public hosts above keep their kind whatever `customHosts` says. A self-hosted remote gets an
 * https base, except an http:// remote, whose server evidently serves plain http: it keeps http and
 * its port. An ssh port never reaches the web URL.
 */
export function parseRemote(url: string, customHosts?: Record<string, HostKind>): RemoteWeb | undefined {
  try {
    const raw = splitRemote(url);
    if (!raw) {
      return undefined;
    }
    if (raw.host.endsWith('.visualstudio.com') && raw.host !== 'vs-ssh.visualstudio.com') {
      return visualStudioRemote(raw);
    }
    const known = Object.prototype.hasOwnProperty.call(PUBLIC_HOSTS, raw.host) ? PUBLIC_HOSTS[raw.host] : undefined;
    if (known) {
      return webRemote(known.kind, known.web, 'https', raw.segments);
    }
    const kind = customKind(raw.host, customHosts);
    if (!kind) {
      return undefined;
    }
    const scheme = raw.scheme === 'http' ? 'http' : 'https';
    const defaultPort = scheme === 'http' ? 80 : 443;
    const keepPort = raw.scheme !== 'ssh' && raw.port !== undefined && raw.port !== defaultPort;
    return webRemote(kind, keepPort ? `${raw.host}:${raw.port}` : raw.host, scheme, raw.segments);
  } catch {
    return undefined;
  }
}

function splitRemote(url: unknown): RawRemote | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) {
    return undefined;
  }
  // Spaces, control characters, option-like and `transport::address` forms, and any query,
  // fragment or backslash are never part of a remote we link to.
  if (/[\s\u0000-\u001f\u007f\\?#]/.test(url) || url.startsWith('-') || /^[a-z][a-z0-9+.-]*::/i.test(url)) {
    return undefined;
  }
  let scheme: RawRemote['scheme'];
  let authority: string;
  let pathText: string;
  const asUrl = URL_FORM.exec(url);
  if (asUrl) {
    const given = asUrl[1].toLowerCase();
    scheme = given === 'http' || given === 'https' ? given : 'ssh';
    // The password may hold an `@`: the host follows the last one.
    authority = asUrl[2].slice(asUrl[2].lastIndexOf('@') + 1);
    pathText = asUrl[3] ?? '';
  } else {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
      return undefined; // file://, git://, ftp:// and every other scheme.
    }
    const scp = SCP_FORM.exec(url);
    // A one-letter "host" is a Windows drive (C:/repo), not a machine.
    if (!scp || scp[1].length < 2) {
      return undefined;
    }
    scheme = 'ssh';
    authority = scp[1];
    pathText = scp[2];
  }
  const hostPort = /^([^:]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!hostPort) {
    return undefined;
  }
  const host = hostPort[1].toLowerCase();
  const port = hostPort[2] === undefined ? undefined : Number(hostPort[2]);
  if (!HOST_PATTERN.test(host) || host.length > 253 || (port !== undefined && (port < 1 || port > 65535))) {
    return undefined;
  }
  const segments = pathSegments(pathText);
  return segments ? { scheme, host, port, segments } : undefined;
}

/** Decoded segments without empty ones and without a trailing `.git`; undefined for `.`/`..` or bad escapes. */
function pathSegments(pathText: string): string[] | undefined {
  const segments: string[] = [];
  for (const piece of pathText.split('/')) {
    if (piece === '') {
      continue;
    }
    const decoded = decodeURIComponent(piece); // throws on a malformed escape: caught by parseRemote
    if (decoded === '.' || decoded === '..' || /[/\\\u0000-\u001f\u007f]/.test(decoded)) {
      return undefined;
    }
    segments.push(decoded);
  }
  const last = segments.length - 1;
  if (last >= 0 && /\.git$/i.test(segments[last])) {
    segments[last] = segments[last].slice(0, -4);
    if (segments[last] === '') {
      return undefined;
    }
  }
  return segments;
}

function customKind(host: string, customHosts: Record<string, HostKind> | undefined): HostKind | undefined {
  if (!customHosts || typeof customHosts !== 'object') {
    return undefined;
  }
  for (const [name, kind] of Object.entries(customHosts)) {
    if (name.trim().toLowerCase() === host && KINDS.includes(kind)) {
      return kind;
    }
  }
  return undefined;
}

function webRemote(kind: HostKind, host: string, scheme: 'http' | 'https', segments: string[]): RemoteWeb | undefined {
  const repoPath = kind === 'azure' ? azurePath(segments, host === 'dev.azure.com') : hostedPath(kind, segments);
  if (!repoPath) {
    return undefined;
  }
  return { kind, host, base: `${scheme}://${host}/${repoPath.map(encodeURIComponent).join('/')}` };
}

/** GitHub and Bitbucket: owner/repo. GitLab: group/subgroups…/repo (a self-hosted prefix is kept). */
function hostedPath(kind: HostKind, segments: string[]): string[] | undefined {
  if (kind === 'gitlab') {
    return segments.length >= 2 && !segments.includes('-') ? segments : undefined;
  }
  return segments.length === 2 ? segments : undefined;
}

/**
 * Azure DevOps paths: `…/_git/repo` (https, and ssh to Azure DevOps Server) or `v3/org/project/repo`
 * (ssh to dev.azure.com). On dev.azure.com at most org and project come before `_git`.
 */
function azurePath(segments: string[], cloud: boolean): string[] | undefined {
  if (segments[0] === 'v3' && !segments.includes('_git') && !segments.includes('_ssh')) {
    const [, org, project, repo, ...rest] = segments;
    return repo !== undefined && rest.length === 0 ? [org, project, '_git', repo] : undefined;
  }
  // Old visualstudio.com ssh remotes say `_ssh` where the web address says `_git`.
  const at = segments.findIndex((s) => s === '_git' || s === '_ssh');
  if (at < 1 || (cloud && at > 2)) {
    return undefined;
  }
  // `_git/_full/repo` and `_git/_optimized/repo` are other views of the same repository.
  const after = segments.slice(at + 1).filter((s, i) => !(i === 0 && (s === '_full' || s === '_optimized')));
  return after.length === 1 ? [...segments.slice(0, at), '_git', after[0]] : undefined;
}

/** org.visualstudio.com[/DefaultCollection]/project/_git/repo → dev.azure.com/org/project/_git/repo. */
function visualStudioRemote(raw: RawRemote): RemoteWeb | undefined {
  const org = raw.host.slice(0, -'.visualstudio.com'.length);
  if (org.includes('.')) {
    return undefined;
  }
  let segments = raw.segments;
  if (segments.length > 0 && segments[0].toLowerCase() === 'defaultcollection' && segments.findIndex((s) => s === '_git' || s === '_ssh') >= 2) {
    segments = segments.slice(1);
  }
  return webRemote('azure', 'dev.azure.com', 'https', [org, ...segments]);
}

/**
 * Link to a file (optionally lines first..last, 1-based inclusive) at a commit sha
 * (must match /^[0-9a-f]{7,40}$/, else undefined). Paths are repo-relative with forward slashes
 * and are URL-encoded per segment. Empty, `.` or `..` segments, and lines that are not positive
 * integers, give undefined; a reversed range is put in order.
 */
export function fileUrl(remote: RemoteWeb, sha: string, path: string, lines?: [number, number]): string | undefined {
  if (!SHA_PATTERN.test(sha)) {
    return undefined;
  }
  const encoded = encodePath(path);
  if (encoded === undefined) {
    return undefined;
  }
  let range: [number, number] | undefined;
  if (lines !== undefined) {
    if (!Array.isArray(lines) || lines.length !== 2 || !lines.every((n) => Number.isSafeInteger(n) && n >= 1)) {
      return undefined;
    }
    range = [Math.min(lines[0], lines[1]), Math.max(lines[0], lines[1])];
  }
  switch (remote.kind) {
    case 'github':
      return `${remote.base}/blob/${sha}/${encoded}${range ? `#L${range[0]}${range[1] > range[0] ? `-L${range[1]}` : ''}` : ''}`;
    case 'gitlab':
      return `${remote.base}/-/blob/${sha}/${encoded}${range ? `#L${range[0]}${range[1] > range[0] ? `-${range[1]}` : ''}` : ''}`;
    case 'bitbucket':
      return `${remote.base}/src/${sha}/${encoded}${range ? `#lines-${range[0]}${range[1] > range[0] ? `:${range[1]}` : ''}` : ''}`;
    case 'azure': {
      // Azure selects from (line, lineStartColumn) to (lineEnd, lineEndColumn), the end exclusive:
      // whole lines first..last are line=first, lineEnd=last+1, both columns 1 — what its own
      // "copy link" gives for whole lines. Past the last line of the file the editor clamps.
      const selection = range
        ? `&line=${range[0]}&lineEnd=${range[1] + 1}&lineStartColumn=1&lineEndColumn=1&lineStyle=plain`
        : '';
      return `${remote.base}?path=/${encoded}&version=GC${sha}${selection}&_a=contents`;
    }
    default:
      return undefined;
  }
}

export function commitUrl(remote: RemoteWeb, sha: string): string | undefined {
  if (!SHA_PATTERN.test(sha)) {
    return undefined;
  }
  switch (remote.kind) {
    case 'github':
    case 'azure':
      return `${remote.base}/commit/${sha}`;
    case 'gitlab':
      return `${remote.base}/-/commit/${sha}`;
    case 'bitbucket':
      return `${remote.base}/commits/${sha}`;
    default:
      return undefined;
  }
}

function encodePath(path: string): string | undefined {
  if (typeof path !== 'string') {
    return undefined;
  }
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) {
    return undefined;
  }
  try {
    return segments.map(encodeURIComponent).join('/');
  } catch {
    return undefined; // a lone surrogate
  }
}

/**
 * Reads origin's URL with `git ls-remote --get-url origin`, which applies url.<base>.insteadOf and
 * starts no network; returns undefined when there is no origin or git fails/untrusted.
 */
export async function originRemote(git: GitRunner, repoRoot: string, customHosts?: Record<string, HostKind>): Promise<RemoteWeb | undefined> {
  let output: string;
  try {
    output = await git.run(repoRoot, ['ls-remote', '--get-url', 'origin']);
  } catch {
    return undefined;
  }
  const url = output.split(/\r?\n/)[0];
  // With no such remote, git echoes the name back.
  return url === 'origin' ? undefined : parseRemote(url, customHosts);
}
