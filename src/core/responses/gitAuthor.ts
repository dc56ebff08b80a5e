// The person responding, as git knows them (`Name <email>`), the same spelling a note's author has.
import type { GitRunner } from '../git/gitRunner';

export async function gitAuthor(git: GitRunner, cwd: string): Promise<string | undefined> {
  let config = '';
  try {
    config = await git.run(cwd, ['config', '--get-regexp', '^user\\.(name|email)$']);
  } catch {
    // No user configured (git exits 1) or no git: the response is written without an author.
    return undefined;
  }
  // Every scope is listed, system first: the last value is the one git uses.
  const value = (key: string) => [...config.matchAll(new RegExp(`^${key.replace('.', '\\.')} (.*)$`, 'gm'))].pop()?.[1]?.trim() || undefined;
  const name = value('user.name');
  const email = value('user.email');
  if (!name && !email) {
    return undefined;
  }
  return [name, email ? `<${email}>` : undefined].filter(Boolean).join(' ');
}
