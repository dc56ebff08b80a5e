// Which responses are new to a note's author: answers from someone else that the author has not
// seen yet. "Seen" is the set of response files the author has looked at, not a date: a response
// written on Monday on a branch merged on Wednesday is still new on Wednesday.
import * as path from 'path';

/** `Name <email>` (either part may be missing) as git and the note format spell a person. */
function parts(person: string): { name: string; email: string } {
  const email = /<([^>]*)>/.exec(person)?.[1]?.trim().toLowerCase() ?? '';
  const name = person.replace(/<[^>]*>/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
  return { name, email };
}

/**
 * Whether two spellings name the same person: by e-mail when both have one (names change, and
 * people write them differently on two machines), else by name, ignoring case.
 */
export function samePerson(a: string | undefined, b: string | undefined): boolean {
  if (!a?.trim() || !b?.trim()) {
    return false;
  }
  const [pa, pb] = [parts(a), parts(b)];
  if (pa.email && pb.email) {
    return pa.email === pb.email;
  }
  return pa.name !== '' && pa.name === pb.name;
}

/** The part of a response that decides whether it is new. */
export interface ResponseSeenKey {
  path: string;
  author?: string;
}

/**
 * The responses new to `me` on a note written by `noteAuthor`: none unless the note is mine; then
 * each response by someone else whose file is not among `seen` (file names).
 */
export function newResponses<T extends ResponseSeenKey>(responses: readonly T[], noteAuthor: string | undefined, me: string | undefined, seen: ReadonlySet<string>): T[] {
  if (!samePerson(noteAuthor, me)) {
    return [];
  }
  return responses.filter((r) => !samePerson(r.author, me) && !seen.has(path.basename(r.path)));
}
