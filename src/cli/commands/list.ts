// `candor list`: the notes, newest first, as a table that fits the terminal or as JSON for
// scripts. A note that cannot be read is listed too, marked, never hidden (as in the editor).
import type { IndexedNote } from '../../core/noteFileRead';
import { hasErrors, SEVERITIES, STATUSES, type Severity } from '../../core/noteModel';
import { newestFirst } from '../../core/noteGrouping';
import { matchesQuery } from '../../core/noteQuery';
import { listAllResponses } from '../../core/responses/responseStore';
import { choicesOption, flag, listOption, stringOption, type CommandLine } from '../args';
import type { Palette } from '../colour';
import type { Command } from '../command';
import { DIR_OPTION, JSON_OPTION } from '../commonOptions';
import { EXIT, UsageError, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { openRepo, relativeToRoot, scanNotes } from '../repoContext';
import { renderTable, type Column } from '../table';
import { safeLine } from '../terminalText';

const NAME = 'list';

export const listCommand: Command = {
  name: NAME,
  summary: 'List the notes, newest first (a table, or --json)',
  usage: 'candor list [--status <s>] [--severity <s>] [--tag <t>] [--text <words>] [--json]',
  description: [
    'A table of the notes, newest first, that fits the terminal (long titles are cut with …). Notes that cannot be read ' +
      'are marked ! (candor check says why). Each filter may be repeated or take commas: a note is shown when it matches ' +
      'one of the values of every filter given.',
    'With --json: an array of { id, title, status, severity, occurred, author, tags, path, problems, responses }, path relative to ' +
      'the repository root; responses is how many responses teammates wrote (candor respond).',
  ],
  options: {
    status: { type: 'string', multiple: true, value: 'status', help: `Only notes with this status: ${STATUSES.join(', ')}` },
    severity: { type: 'string', multiple: true, value: 'severity', help: `Only notes with this severity: ${SEVERITIES.join(', ')}` },
    tag: { type: 'string', multiple: true, value: 'tag', help: 'Only notes with this tag (any case)' },
    text: { type: 'string', value: 'words', help: 'Only notes whose title, tags or text contain all these words' },
    json: JSON_OPTION,
    dir: DIR_OPTION,
  },
  examples: ['candor list --status open --severity high,critical', 'candor list --tag cache --json | jq -r ".[].path"'],
  run,
};

export interface ListedNote {
  id: string;
  title: string;
  status: string;
  severity: string;
  occurred: string | null;
  author: string | null;
  tags: string[];
  path: string;
  problems: { level: string; message: string; line: number | null }[];
  /** How many responses teammates wrote to the note. */
  responses: number;
}

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  if (line.positionals.length > 0) {
    throw new UsageError(NAME, `Unexpected argument "${line.positionals[0]}".`);
  }
  const query = {
    statuses: choicesOption(NAME, line.values, 'status', STATUSES),
    severities: choicesOption(NAME, line.values, 'severity', SEVERITIES),
    tags: listOption(line.values, 'tag').flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean),
    text: stringOption(line.values, 'text'),
  };
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  const notes = newestFirst((await scanNotes(io, ctx)).filter((n) => matchesQuery(n.note, query)), (n) => n.note);

  if (flag(line.values, 'json')) {
    const responses = await listAllResponses(ctx.incidentsDir);
    const listed: ListedNote[] = notes.map((n) => ({
      id: n.note.id,
      title: n.note.title,
      status: n.note.status,
      severity: n.note.severity,
      occurred: n.note.occurred ?? null,
      author: n.note.author ?? null,
      tags: n.note.tags,
      path: relativeToRoot(ctx, n.path),
      problems: n.problems.map((p) => ({ level: p.level, message: p.message, line: p.line ?? null })),
      responses: responses.get(n.note.id)?.length ?? 0,
    }));
    io.out(JSON.stringify(listed, null, 2));
    return EXIT.ok;
  }
  if (notes.length === 0) {
    io.out('No notes.');
    return EXIT.ok;
  }
  printTable(notes, io);
  const broken = notes.filter(hasErrors).length;
  io.out(io.paint.dim(`${notes.length} note${notes.length === 1 ? '' : 's'}${broken > 0 ? `, ${broken} that cannot be read in full (!): run candor check` : ''}`));
  return EXIT.ok;
}

function printTable(notes: IndexedNote[], io: Io): void {
  const p = io.paint;
  // The ! column only when a note needs it: most listings have none.
  const marked = notes.some(hasErrors);
  const columns: Column[] = [
    { header: 'ID' },
    { header: 'STATUS', paint: (padded, value) => statusPaint(p, value)(padded) },
    { header: 'SEVERITY', paint: (padded, value) => severityPaint(p, value as Severity)(padded) },
    { header: 'TITLE', shrink: true },
  ];
  const rows = notes.map((n) => [n.note.id, n.note.status, n.note.severity, safeLine(n.note.title)]);
  const lines = marked
    ? renderTable([{ header: ' ', paint: (padded) => p.red(padded) }, ...columns], rows.map((r, i) => [hasErrors(notes[i]) ? '!' : ' ', ...r]), io.columns, p.bold)
    : renderTable(columns, rows, io.columns, p.bold);
  lines.forEach((l) => io.out(l));
}

export function severityPaint(p: Palette, severity: Severity): (text: string) => string {
  return severity === 'critical' || severity === 'high' ? p.red : severity === 'medium' ? p.yellow : p.dim;
}

export function statusPaint(p: Palette, status: string): (text: string) => string {
  return status === 'open' ? p.yellow : status === 'resolved' ? p.green : p.cyan;
}
