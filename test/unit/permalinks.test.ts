import * as assert from 'assert';
import { GitRunner } from '../../src/core/git/gitRunner';
import { commitUrl, fileUrl, originRemote, parseRemote, type HostKind, type RemoteWeb } from '../../src/core/repository/permalinks';
import { tempDir, TempRepo } from './helpers/tempRepo';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const CUSTOM: Record<string, HostKind> = {
  'git.example.com': 'gitlab',
  'GHE.Example.com': 'github',
  'bb.example.com': 'bitbucket',
  'tfs.example.com': 'azure',
};

describe('parseRemote', () => {
  const forms: [string, HostKind, string, string][] = [
    // url, kind, host, base
    ['https://github.com/o/r.git', 'github', 'github.com', 'https://github.com/o/r'],
    ['https://github.com/o/r', 'github', 'github.com', 'https://github.com/o/r'],
    ['https://github.com/o/r.git/', 'github', 'github.com', 'https://github.com/o/r'],
    ['https://user:s3cret@github.com/o/r.git', 'github', 'github.com', 'https://github.com/o/r'],
    ['https://x-access-token:p@ss@GitHub.com/o/r', 'github', 'github.com', 'https://github.com/o/r'],
    ['http://github.com/o/r', 'github', 'github.com', 'https://github.com/o/r'],
    ['git@github.com:o/r.git', 'github', 'github.com', 'https://github.com/o/r'],
    ['github.com:o/r', 'github', 'github.com', 'https://github.com/o/r'],
    ['ssh://git@github.com/o/r.git', 'github', 'github.com', 'https://github.com/o/r'],
    ['ssh://git@ssh.github.com:443/o/r.git', 'github', 'github.com', 'https://github.com/o/r'],
    ['git+ssh://git@github.com/o/r.git', 'github', 'github.com', 'https://github.com/o/r'],
    ['https://gitlab.com/group/sub/deeper/r.git', 'gitlab', 'gitlab.com', 'https://gitlab.com/group/sub/deeper/r'],
    ['git@gitlab.com:group/sub/r.git', 'gitlab', 'gitlab.com', 'https://gitlab.com/group/sub/r'],
    ['ssh://git@altssh.gitlab.com:443/group/r.git', 'gitlab', 'gitlab.com', 'https://gitlab.com/group/r'],
    ['https://ada@bitbucket.org/o/r.git', 'bitbucket', 'bitbucket.org', 'https://bitbucket.org/o/r'],
    ['git@bitbucket.org:o/r.git', 'bitbucket', 'bitbucket.org', 'https://bitbucket.org/o/r'],
    ['https://dev.azure.com/org/proj/_git/repo', 'azure', 'dev.azure.com', 'https://dev.azure.com/org/proj/_git/repo'],
    ['https://org@dev.azure.com/org/proj/_git/repo', 'azure', 'dev.azure.com', 'https://dev.azure.com/org/proj/_git/repo'],
    ['https://org:pat@dev.azure.com/org/My%20Project/_git/repo', 'azure', 'dev.azure.com', 'https://dev.azure.com/org/My%20Project/_git/repo'],
    ['https://dev.azure.com/org/_git/repo', 'azure', 'dev.azure.com', 'https://dev.azure.com/org/_git/repo'],
    ['https://dev.azure.com/org/proj/_git/_optimized/repo', 'azure', 'dev.azure.com', 'https://dev.azure.com/org/proj/_git/repo'],
    ['git@ssh.dev.azure.com:v3/org/proj/repo', 'azure', 'dev.azure.com', 'https://dev.azure.com/org/proj/_git/repo'],
    ['ssh://git@ssh.dev.azure.com:22/v3/org/My%20Project/repo', 'azure', 'dev.azure.com', 'https://dev.azure.com/org/My%20Project/_git/repo'],
    ['https://org.visualstudio.com/proj/_git/repo', 'azure', 'dev.azure.com', 'https://dev.azure.com/org/proj/_git/repo'],
    ['https://org.visualstudio.com/DefaultCollection/proj/_git/repo', 'azure', 'dev.azure.com', 'https://dev.azure.com/org/proj/_git/repo'],
    ['org@vs-ssh.visualstudio.com:v3/org/proj/repo', 'azure', 'dev.azure.com', 'https://dev.azure.com/org/proj/_git/repo'],
    ['ssh://org@org.visualstudio.com:22/DefaultCollection/proj/_ssh/repo', 'azure', 'dev.azure.com', 'https://dev.azure.com/org/proj/_git/repo'],
    // Self-hosted, through customHosts.
    ['ssh://git@git.example.com:2222/group/sub/r.git', 'gitlab', 'git.example.com', 'https://git.example.com/group/sub/r'],
    ['git@git.example.com:group/r.git', 'gitlab', 'git.example.com', 'https://git.example.com/group/r'],
    ['https://tok:en@git.example.com:8443/group/r.git', 'gitlab', 'git.example.com:8443', 'https://git.example.com:8443/group/r'],
    ['https://git.example.com:443/group/r.git', 'gitlab', 'git.example.com', 'https://git.example.com/group/r'],
    ['http://git.example.com/group/r.git', 'gitlab', 'git.example.com', 'http://git.example.com/group/r'],
    ['git@ghe.example.com:o/r.git', 'github', 'ghe.example.com', 'https://ghe.example.com/o/r'],
    ['ssh://git@bb.example.com:7999/o/r.git', 'bitbucket', 'bb.example.com', 'https://bb.example.com/o/r'],
    ['https://tfs.example.com/tfs/DefaultCollection/Proj/_git/Repo', 'azure', 'tfs.example.com', 'https://tfs.example.com/tfs/DefaultCollection/Proj/_git/Repo'],
    ['https://gitlab.com/gr%C3%BCppe/r.git', 'gitlab', 'gitlab.com', 'https://gitlab.com/gr%C3%BCppe/r'],
  ];
  for (const [url, kind, host, base] of forms) {
    it(`reads ${url}`, () => {
      assert.deepStrictEqual(parseRemote(url, CUSTOM), { kind, host, base });
    });
  }

  const rejected: [string, string][] = [
    ['file:///srv/repo.git', 'a file URL'],
    ['/srv/repo.git', 'a local path'],
    ['../repo', 'a relative path'],
    ['C:/work/repo', 'a Windows drive'],
    ['C:\\work\\repo', 'a Windows path'],
    ['ext::sh -c touch% /tmp/pwned', 'a remote helper command'],
    ['ext::ssh', 'a remote helper without spaces'],
    ['fd::17', 'another transport'],
    ['-uhack', 'an option'],
    ['--upload-pack=touch /tmp/x', 'an option with a space'],
    ['git://github.com/o/r.git', 'the git protocol'],
    ['ftp://github.com/o/r.git', 'ftp'],
    ['https://github.com/o/r .git', 'a space'],
    ['https://github.com/o/r\n.git', 'a newline'],
    ['https://github.com/o/r\u0000', 'a NUL'],
    ['https://github.com/o/r?x=1', 'a query'],
    ['https://github.com/o/r#frag', 'a fragment'],
    ['https://github.com/o/../r', 'a dot-dot segment'],
    ['https://github.com/o/%2e%2e', 'an encoded dot-dot segment'],
    ['https://github.com/o/a%2Fb', 'an encoded slash'],
    ['https://github.com/o/%zz', 'a bad escape'],
    ['https://github.com/o', 'no repository'],
    ['https://github.com/o/r/tree/main', 'a page, not a repository'],
    ['https://github.com/o/.git', 'a bare .git'],
    ['https://example.org/o/r.git', 'an unknown host'],
    ['git@unknown.example.net:o/r.git', 'an unknown scp host'],
    ['https://dev.azure.com/org/proj', 'Azure without _git'],
    ['https://dev.azure.com/org/a/b/_git/repo', 'Azure with too many segments'],
    ['https://gitlab.com/group/r/-/tree/main', 'a GitLab page'],
    ['https://github.com:99999/o/r', 'a bad port'],
    ['https://-bad.example.com/o/r', 'a bad host'],
    ['https:///o/r', 'no host'],
    ['', 'empty'],
    ['origin', 'a bare word'],
    [`https://github.com/${'a'.repeat(3000)}/r`, 'an overlong URL'],
  ];
  for (const [url, why] of rejected) {
    it(`rejects ${why}`, () => {
      assert.strictEqual(parseRemote(url, CUSTOM), undefined);
    });
  }

  it('never throws on junk input', () => {
    for (const junk of [undefined, null, 42, {}, [], 'https://github.com/o/\ud800'] as unknown[]) {
      assert.strictEqual(parseRemote(junk as string), undefined);
    }
    assert.strictEqual(parseRemote('git@git.example.com:g/r.git', { 'git.example.com': 'gitea' as HostKind }), undefined);
    assert.strictEqual(parseRemote('git@constructor:g/r.git', {}), undefined);
    assert.strictEqual(parseRemote('git@toString:g/r.git'), undefined);
  });

  it('needs customHosts for self-hosted servers, and public hosts keep their kind', () => {
    assert.strictEqual(parseRemote('git@git.example.com:group/r.git'), undefined);
    assert.strictEqual(parseRemote('git@github.com:o/r.git', { 'github.com': 'gitlab' })?.kind, 'github');
  });

  it('keeps no credentials in the output', () => {
    const remote = parseRemote('https://alice:hunter2@git.example.com:8443/group/r.git', CUSTOM)!;
    const links = [remote.base, remote.host, commitUrl(remote, SHA), fileUrl(remote, SHA, 'a.ts', [1, 2])].join(' ');
    assert.doesNotMatch(links, /alice|hunter2|@/);
  });
});

describe('fileUrl and commitUrl', () => {
  const github = parseRemote('git@github.com:o/r.git')!;
  const gitlab = parseRemote('git@gitlab.com:group/sub/r.git')!;
  const bitbucket = parseRemote('git@bitbucket.org:o/r.git')!;
  const azure = parseRemote('git@ssh.dev.azure.com:v3/org/proj/repo')!;
  const azureQuery = (rest: string) => `https://dev.azure.com/org/proj/_git/repo?path=/src/a.ts&version=GC${SHA}${rest}&_a=contents`;

  const cases: [string, RemoteWeb, [number, number] | undefined, string][] = [
    ['GitHub range', github, [12, 18], `https://github.com/o/r/blob/${SHA}/src/a.ts#L12-L18`],
    ['GitHub single line', github, [12, 12], `https://github.com/o/r/blob/${SHA}/src/a.ts#L12`],
    ['GitHub whole file', github, undefined, `https://github.com/o/r/blob/${SHA}/src/a.ts`],
    ['GitLab range', gitlab, [12, 18], `https://gitlab.com/group/sub/r/-/blob/${SHA}/src/a.ts#L12-18`],
    ['GitLab single line', gitlab, [12, 12], `https://gitlab.com/group/sub/r/-/blob/${SHA}/src/a.ts#L12`],
    ['GitLab whole file', gitlab, undefined, `https://gitlab.com/group/sub/r/-/blob/${SHA}/src/a.ts`],
    ['Bitbucket range', bitbucket, [12, 18], `https://bitbucket.org/o/r/src/${SHA}/src/a.ts#lines-12:18`],
    ['Bitbucket single line', bitbucket, [12, 12], `https://bitbucket.org/o/r/src/${SHA}/src/a.ts#lines-12`],
    ['Bitbucket whole file', bitbucket, undefined, `https://bitbucket.org/o/r/src/${SHA}/src/a.ts`],
    ['Azure range', azure, [12, 18], azureQuery('&line=12&lineEnd=19&lineStartColumn=1&lineEndColumn=1&lineStyle=plain')],
    ['Azure single line', azure, [12, 12], azureQuery('&line=12&lineEnd=13&lineStartColumn=1&lineEndColumn=1&lineStyle=plain')],
    ['Azure whole file', azure, undefined, azureQuery('')],
    ['a reversed range, put in order', github, [18, 12], `https://github.com/o/r/blob/${SHA}/src/a.ts#L12-L18`],
  ];
  for (const [name, remote, lines, expected] of cases) {
    it(`links to a file: ${name}`, () => {
      assert.strictEqual(fileUrl(remote, SHA, 'src/a.ts', lines), expected);
    });
  }

  it('links to commits on every kind of host', () => {
    assert.strictEqual(commitUrl(github, SHA), `https://github.com/o/r/commit/${SHA}`);
    assert.strictEqual(commitUrl(gitlab, SHA), `https://gitlab.com/group/sub/r/-/commit/${SHA}`);
    assert.strictEqual(commitUrl(bitbucket, SHA), `https://bitbucket.org/o/r/commits/${SHA}`);
    assert.strictEqual(commitUrl(azure, SHA), `https://dev.azure.com/org/proj/_git/repo/commit/${SHA}`);
    assert.strictEqual(commitUrl(github, 'abc1234'), 'https://github.com/o/r/commit/abc1234');
  });

  it('encodes each path segment: spaces, #, ?, % and non-ASCII', () => {
    const path = 'src/dir with space/naïve #1?.ts';
    const encoded = 'src/dir%20with%20space/na%C3%AFve%20%231%3F.ts';
    assert.strictEqual(fileUrl(github, SHA, path, [3, 4]), `https://github.com/o/r/blob/${SHA}/${encoded}#L3-L4`);
    assert.strictEqual(fileUrl(gitlab, SHA, path), `https://gitlab.com/group/sub/r/-/blob/${SHA}/${encoded}`);
    assert.strictEqual(fileUrl(bitbucket, SHA, '100%.md'), `https://bitbucket.org/o/r/src/${SHA}/100%25.md`);
    assert.strictEqual(
      fileUrl(azure, SHA, 'a&b=c+d/x y.ts', [1, 1]),
      `https://dev.azure.com/org/proj/_git/repo?path=/a%26b%3Dc%2Bd/x%20y.ts&version=GC${SHA}&line=1&lineEnd=2&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=contents`,
    );
  });

  it('refuses invalid shas', () => {
    for (const sha of ['', 'abc12', 'HEAD', SHA.toUpperCase(), `${SHA}0`, 'g123456', '--output=x', `${SHA.slice(0, 8)}\n`]) {
      assert.strictEqual(fileUrl(github, sha, 'a.ts'), undefined, sha);
      assert.strictEqual(commitUrl(gitlab, sha), undefined, sha);
    }
  });

  it('refuses paths and lines it cannot link', () => {
    for (const path of ['', '/abs.ts', 'a//b.ts', 'a/', '../up.ts', 'a/./b.ts', 'bad\ud800.ts']) {
      assert.strictEqual(fileUrl(github, SHA, path), undefined, path);
    }
    for (const lines of [[0, 3], [-1, 2], [1.5, 2], [1, NaN], [1, Infinity]] as [number, number][]) {
      assert.strictEqual(fileUrl(bitbucket, SHA, 'a.ts', lines), undefined, String(lines));
    }
  });

  it('uses the kind\'s scheme on a custom host, without the ssh port', () => {
    const ghe = parseRemote('ssh://git@ghe.example.com:2222/o/r.git', CUSTOM)!;
    assert.strictEqual(fileUrl(ghe, SHA, 'a.ts', [5, 6]), `https://ghe.example.com/o/r/blob/${SHA}/a.ts#L5-L6`);
    const lab = parseRemote('https://git.example.com:8443/g/r.git', CUSTOM)!;
    assert.strictEqual(commitUrl(lab, SHA), `https://git.example.com:8443/g/r/-/commit/${SHA}`);
    const tfs = parseRemote('ssh://tfs.example.com:22/tfs/DefaultCollection/Proj/_ssh/Repo', CUSTOM)!;
    assert.strictEqual(commitUrl(tfs, SHA), `https://tfs.example.com/tfs/DefaultCollection/Proj/_git/Repo/commit/${SHA}`);
  });
});

describe('originRemote over real git repositories', () => {
  const trusted = () => new GitRunner({ isTrusted: () => true });

  it('reads an scp-like origin', async () => {
    const repo = TempRepo.create();
    repo.git('remote', 'add', 'origin', 'git@github.com:o/r.git');
    assert.deepStrictEqual(await originRemote(trusted(), repo.root), { kind: 'github', host: 'github.com', base: 'https://github.com/o/r' });
  });

  it('gives undefined without an origin, even with another remote', async () => {
    const repo = TempRepo.create();
    assert.strictEqual(await originRemote(trusted(), repo.root), undefined);
    repo.git('remote', 'add', 'upstream', 'git@github.com:o/r.git');
    assert.strictEqual(await originRemote(trusted(), repo.root), undefined);
  });

  it('applies url.<base>.insteadOf', async () => {
    const repo = TempRepo.create();
    repo.git('config', 'url.https://github.com/.insteadOf', 'gh:');
    repo.git('remote', 'add', 'origin', 'gh:o/r');
    assert.deepStrictEqual(await originRemote(trusted(), repo.root), { kind: 'github', host: 'github.com', base: 'https://github.com/o/r' });
  });

  it('passes customHosts on and drops credentials', async () => {
    const repo = TempRepo.create();
    repo.git('remote', 'add', 'origin', 'https://bot:t0ken@git.example.com/group/sub/r.git');
    assert.strictEqual(await originRemote(trusted(), repo.root), undefined);
    assert.deepStrictEqual(await originRemote(trusted(), repo.root, CUSTOM), { kind: 'gitlab', host: 'git.example.com', base: 'https://git.example.com/group/sub/r' });
  });

  it('gives undefined for a hostile origin', async () => {
    const repo = TempRepo.create();
    repo.git('remote', 'add', 'origin', 'ext::sh -c touch% /tmp/candor-pwned');
    assert.strictEqual(await originRemote(trusted(), repo.root), undefined);
  });

  it('gives undefined outside a repository, when git is missing, or when untrusted', async () => {
    assert.strictEqual(await originRemote(trusted(), tempDir()), undefined);
    const repo = TempRepo.create();
    repo.git('remote', 'add', 'origin', 'git@github.com:o/r.git');
    assert.strictEqual(await originRemote(new GitRunner({ isTrusted: () => true, binary: 'candor-no-such-git' }), repo.root), undefined);
    const untrusted = new GitRunner({ isTrusted: () => false });
    assert.strictEqual(await originRemote(untrusted, repo.root), undefined);
    assert.strictEqual(untrusted.processCount, 0);
  });
});
