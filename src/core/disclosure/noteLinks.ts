// The "where" of a disclosure: the note's linked files and commits, as permalinks at the commit
// each was recorded at (so a link shows the code as it was, not as it is after the fix), or as
// `path:lines @ sha` when there is no known web remote.
import { commitUrl, fileUrl, type RemoteWeb } from '../repository/permalinks';
import type { LinkedCommit, LinkedFile, Note } from '../noteFormat/noteModel';
import type { DisclosureFormat } from './disclosureFormat';

/**
 * One entry per linked file, then per commit; each entry may span two lines (text: the URL).
 * Only the commits that introduced or fixed the mistake: the lines' history (git blame) and related
 * reading are others' work, and a message owning a mistake does not point at them.
 */
export function linkEntries(note: Note, format: DisclosureFormat, remote?: RemoteWeb): string[] {
  return [
    ...note.files.map((file) => fileEntry(file, note.head, format, remote)),
    ...note.commits.filter((c) => c.role === 'introduced' || c.role === 'fixed').map((commit) => commitEntry(commit, format, remote)),
  ];
}

function fileEntry(file: LinkedFile, head: string | undefined, format: DisclosureFormat, remote?: RemoteWeb): string {
  const sha = file.commit ?? head;
  const lines = file.lines ? `:${file.lines[0]}${file.lines[1] > file.lines[0] ? `-${file.lines[1]}` : ''}` : '';
  // An untracked file is in no commit: naming one, or linking to it there (a 404), would mislead.
  const inCommit = sha !== undefined && file.uncommitted !== 'untracked';
  const label = `${file.path}${lines}${inCommit ? ` @ ${sha.slice(0, 7)}` : ''}`;
  const url = remote && inCommit ? fileUrl(remote, sha, file.path, file.lines) : undefined;
  const note = file.uncommitted === 'untracked'
    ? ' (not in git when recorded)'
    : file.uncommitted
      ? ' (had uncommitted changes when recorded)'
      : '';
  return entry(label, note, url, format);
}

function commitEntry(commit: LinkedCommit, format: DisclosureFormat, remote?: RemoteWeb): string {
  const url = remote ? commitUrl(remote, commit.sha) : undefined;
  const rest = ` (${commit.role})${commit.subject ? ` ${commit.subject}` : ''}`;
  return entry(`commit ${commit.sha.slice(0, 7)}`, rest, url, format);
}

function entry(label: string, rest: string, url: string | undefined, format: DisclosureFormat): string {
  if (format === 'text') {
    // The URL alone on its own line: mail programs make it clickable and never split it.
    return url ? `- ${label}${rest}\n  ${url}` : `- ${label}${rest}`;
  }
  return url ? `- [${escapeMarkdown(label)}](${markdownUrl(url)})${rest}` : `- ${escapeMarkdown(label)}${rest}`;
}

/** Paths may hold `_`, `*` or brackets; escaped, they stay literal in any Markdown renderer. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/** Parentheses would end a Markdown link early; permalinks are already percent-encoded otherwise. */
function markdownUrl(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}
