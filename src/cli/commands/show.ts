// `candor show <id>`: one note in full. Linked lines are shown where they are NOW (the same
// re-anchoring the editor uses, with git), with how sure that is; then commits, follow-ups,
// problems and the text.
import { locateLinks } from '../../core/anchoring/locateLinks';
import type { AnchorLocation } from '../../core/anchoring/types';
import { isOverdue, localDay } from '../../core/noteFormat/followUps';
import { shownValue, type NoteFieldKey } from '../../core/noteFormat/noteFields';
import type { IndexedNote } from '../../core/noteIndex/noteFileRead';
import type { LinkedFile } from '../../core/noteFormat/noteModel';
import { firstLine, KIND_LABELS } from '../../core/responses/responseFormat';
import { listResponses, type StoredResponse } from '../../core/responses/responseStore';
import { shortIds } from '../../core/listing/shortIds';
import { findTaskItems } from '../../core/noteFormat/taskItems';
import { positionalCount, stringOption, type CommandLine } from '../args';
import type { Palette } from '../colour';
import type { Command } from '../command';
import { DIR_OPTION } from '../commonOptions';
import { EXIT, type ExitCode } from '../exitCodes';
import { findNote } from '../findNote';
import type { Io } from '../io';
import { openRepo, relativeToCwd, scanNotes, type RepoContext } from '../repoContext';
import { renderTable, type Column } from '../table';
import { safeBlock, safeLine } from '../terminalText';
import { severityPaint, statusPaint } from './list';

const NAME = 'show';

export const showCommand: Command = {
  name: NAME,
  summary: 'Show one note, with its linked lines where they are now',
  usage: 'candor show <id> [--dir <folder>]',
  description: [
    'Prints a note\'s fields; its linked files at their CURRENT lines, found again after edits as in the editor ' +
      '(exact, moved, edited or orphaned, and why); its commits, follow-ups (- [ ] items, overdue ones marked) and ' +
      'problems; then its text. <id> is the note\'s id (the file name without .md), its short id from "candor list", ' +
      'any unique start of its id, or the note file\'s path. A status, severity or other field the file gives an invalid ' +
      'value is shown as the file has it, marked (invalid); a missing status or severity as its default, marked (not set).',
  ],
  options: { dir: DIR_OPTION },
  examples: ['candor show 2026-11-21-flushed-the-production-cache', 'candor show 2026-11-21-flus', 'candor show incidents/2026-11-21-flushed-the-production-cache.md'],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  positionalCount(NAME, line, 1, 1, 'the id of the note to show (candor list shows them)');
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  const notes = await scanNotes(io, ctx);
  const note = findNote(notes, io.cwd, line.positionals[0]);
  const short = shortIds(notes.map((n) => n.note.id)).get(note.note.id);
  // Without a repository there is no history to follow: the anchor text alone is searched.
  const located = await locateLinks(note.note.files, { git: ctx.repoRoot ? ctx.git : undefined, repoRoot: ctx.root });
  printNote(io, ctx, note, located, short);
  printResponses(io, await listResponses(ctx.incidentsDir, note.note.id));
  return EXIT.ok;
}

function printNote(io: Io, ctx: RepoContext, indexed: IndexedNote, located: AnchorLocation[], short: string | undefined): void {
  const p = io.paint;
  const n = indexed.note;
  io.out(p.bold(safeLine(n.title)));
  io.out(p.dim(n.id));
  io.out('');
  // As the file has them: an invalid value marked, never the default held in its place.
  const shown = (key: NoteFieldKey) => shownValue(indexed, key) || undefined;
  const status = shownValue(indexed, 'status');
  const severity = shownValue(indexed, 'severity');
  const fields: [string, string | undefined, ((text: string) => string)?][] = [
    ['Short id', short !== undefined && short !== n.id ? short : undefined],
    ['Status', status, statusPaint(p, status)],
    ['Severity', severity, severityPaint(p, severity)],
    ['Author', shown('author')],
    ['Occurred', shown('occurred')],
    ['Logged', shown('logged')],
    ['Branch', shown('branch')],
    ['Head', shown('head')],
    ['Tags', n.tags.length > 0 ? n.tags.join(', ') : undefined],
    ['File', relativeToCwd(ctx, indexed.path)],
  ];
  for (const [key, value, paint] of fields) {
    if (value !== undefined) {
      io.out(`  ${p.dim(key.padEnd(9))} ${(paint ?? ((t: string) => t))(safeLine(value))}`);
    }
  }

  if (n.files.length > 0) {
    heading(io, 'Linked files');
    const rows = n.files.map((file, i) => linkRow(file, located[i]));
    const columns: Column[] = [
      { header: 'NOW' },
      { header: 'STATUS', paint: (padded, value) => anchorPaint(p, value)(padded) },
      { header: 'RECORDED' },
      { header: 'WHY', shrink: true },
    ];
    // RECORDED and WHY only when some link has one: for exact links they say nothing.
    const shown = columns.map((_c, i) => i < 2 || rows.some((r) => r[i] !== ''));
    renderTable(
      columns.filter((_c, i) => shown[i]),
      rows.map((r) => r.filter((_v, i) => shown[i])),
      io.columns === undefined ? undefined : io.columns - 2,
      p.dim,
    ).forEach((l) => io.out(`  ${l}`));
  }
  if (n.commits.length > 0) {
    heading(io, 'Commits');
    n.commits.forEach((c) => io.out(`  ${p.yellow(c.sha.slice(0, 7))}  ${c.role.padEnd(10)}  ${safeLine(c.subject ?? '')}`.trimEnd()));
  }
  const tasks = findTaskItems(n.body);
  if (tasks.length > 0) {
    heading(io, 'Follow-ups');
    const today = localDay();
    for (const t of tasks) {
      const late = isOverdue(t, today) ? `  ${p.red(`overdue since ${t.due}`)}` : '';
      io.out(`  ${t.done ? p.green('[x]') : '[ ]'} ${safeLine(t.text)}${late}  ${p.dim(`line ${indexed.bodyLine + t.line + 1}`)}`);
    }
  }
  if (indexed.problems.length > 0) {
    heading(io, 'Problems');
    for (const problem of indexed.problems) {
      const where = problem.line !== undefined ? `line ${problem.line}: ` : '';
      io.out(`  ${levelPaint(p, problem.level)(problem.level)}: ${where}${safeLine(problem.message)}`);
    }
  }
  // Empty sections of a fresh note are runs of blank lines: one is enough on a terminal.
  const body = safeBlock(n.body).replace(/^\n+/, '').replace(/\s+$/, '').replace(/\n[ \t]*(?:\n[ \t]*)+\n/g, '\n\n');
  if (body !== '') {
    io.out('');
    io.out(p.dim('─'.repeat(Math.min(io.columns ?? 60, 60))));
    io.out(body);
  }
}

/** Teammates' responses, oldest first: who, when, what kind, and their text. */
function printResponses(io: Io, responses: StoredResponse[]): void {
  if (responses.length === 0) {
    return;
  }
  heading(io, `Responses (${responses.length})`);
  for (const r of responses) {
    const who = r.author ? safeLine(r.author.replace(/\s*<[^>]*>/, '')) : 'someone';
    io.out(`  ${io.paint.cyan(KIND_LABELS[r.kind])}  ${who}  ${io.paint.dim(r.date.slice(0, 10))}`);
    const text = safeBlock(r.text).split('\n');
    text.forEach((l) => io.out(`    ${l}`.trimEnd()));
    if (text.length === 0 || firstLine(r.text) === '') {
      io.out(io.paint.dim('    (no text)'));
    }
  }
}

function heading(io: Io, text: string): void {
  io.out('');
  io.out(io.paint.bold(text));
}

function linkRow(file: LinkedFile, at: AnchorLocation | undefined): string[] {
  const recorded = place(file.path, file.lines);
  if (!at) {
    return [recorded, 'orphaned', recorded, 'not located'];
  }
  const now = at.status === 'orphaned' ? '—' : place(at.path, at.lines);
  return [safeLine(now), at.status, now === recorded ? '' : safeLine(recorded), safeLine(at.reason ?? '')];
}

function place(path: string, lines: [number, number] | undefined): string {
  if (!lines) {
    return path;
  }
  return lines[0] === lines[1] ? `${path}:${lines[0]}` : `${path}:${lines[0]}-${lines[1]}`;
}

function anchorPaint(p: Palette, status: string): (text: string) => string {
  return status === 'exact' ? p.green : status === 'orphaned' ? p.red : p.yellow;
}

export function levelPaint(p: Palette, level: string): (text: string) => string {
  return level === 'error' ? p.red : p.yellow;
}
