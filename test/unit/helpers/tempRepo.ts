// Real git repositories in temp folders, with fixed identities and dates so tests are repeatable.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function tempDir(prefix = 'candor-test-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export class TempRepo {
  private tick = 0;

  constructor(readonly root: string) {}

  static create(options: { init?: boolean } = {}): TempRepo {
    const repo = new TempRepo(tempDir());
    if (options.init !== false) {
      repo.git('init', '-q', '-b', 'main');
      repo.git('config', 'user.name', 'Ada Lovelace');
      repo.git('config', 'user.email', 'ada@example.com');
      repo.git('config', 'commit.gpgsign', 'false');
    }
    return repo;
  }

  git(...args: string[]): string {
    const date = new Date(Date.UTC(2026, 0, 1) + this.tick * 3600_000).toISOString();
    return execFileSync('git', args, {
      cwd: this.root,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  }

  write(rel: string, text: string): string {
    const abs = path.join(this.root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    return abs;
  }

  /** Writes the files and commits them; returns the new commit's sha. Each commit is an hour later. */
  commit(message: string, files: Record<string, string>): string {
    for (const [rel, text] of Object.entries(files)) {
      this.write(rel, text);
    }
    this.git('add', '--', ...Object.keys(files));
    this.tick++;
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  read(rel: string): string {
    return fs.readFileSync(path.join(this.root, rel), 'utf8');
  }
}

export function lines(count: number, make: (n: number) => string): string {
  return Array.from({ length: count }, (_, i) => make(i + 1)).join('\n') + '\n';
}
