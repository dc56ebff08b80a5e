// `candor list`: the notes, newest first, as a table that fits the terminal or as JSON for
// scripts. A note that cannot be read is listed too, marked, never hidden (as in the editor).
import { fileValue, invalidFields, shownValue, valueState, type NoteFieldKey, type ValueMarks } from '../../core/noteFormat/noteFields';
import type { IndexedNote } from '../../core/noteIndex/noteFileRead';
import { hasErrors, SEVERITIES, STATUSES, type Severity } from '../../core/noteFormat/noteModel';
import { newestFirst } from '../../core/listing/noteGrouping';
import { matchesQuery } from '../../core/listing/noteQuery';
import { listAllResponses } from '../../core/responses/responseStore';
import { shortIds } from '../../core/listing/shortIds';
import { choicesOption, flag, listOption, positionalCount, stringOption, type CommandLine } from '../args';
import type { Palette } from '../colour';
import type { Command } from '../command';
import { DIR_OPTION, JSON_OPTION } from '../commonOptions';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { openRepo, relativeToRoot, scanNotes } from '../repoContext';
import { renderTable, type Column } from '../table';
import { displayWidth, safeLine, truncate } from '../terminalText';

const NAME = 'list';

export const listCommand: Command = {
  name: NAME,
  summary: 'List the notes, newest first (a table, or --json)',
  usage: 'candor list [--status <s>] [--severity <s>] [--tag <t>] [--text <words>] [--json]',
  description: [
    'A table of the notes, newest first, that fits the terminal (long titles are cut with …; piped, lines are whole ' +
      'unless COLUMNS is set). The ID column is each note\'s short id: its date and the first letters of its name, as ' +
      'many as make it unique; every command that takes an <id> accepts it, the full id or any unique start of it.',
    'Notes that cannot be read are marked ! (candor check says why). A status or severity is shown as the file has it: ' +
      'an invalid one marked (!) (opne (!)), a missing one as its default marked (?).',
    'Each filter may be repeated or take commas: a note is shown when it matches one of the values of every filter ' +
      'given; a note whose status or severity is invalid matches no value of that filter.',
    'With --json: an array of { id, shortId, title, status, severity, occurred, author, tags, path, problems, invalid, responses }, ' +
      'path relative to the repository root; responses is how many responses teammates wrote (candor respond). A field ' +
      'whose value in the file is invalid holds the file\'s own text and is named in invalid (e.g. ["status"]); when the ' +
      'front matter cannot be read at all, title, status and severity hold defaults and are all named there.',
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
  /** The note's short id, as the table shows it. */
  shortId: string;
  title: string;
  status: string;
  severity: string;
  occurred: string | null;
  author: string | null;
  tags: string[];
  path: string;
  problems: { level: string; message: string; line: number | null }[];
  /** The fields above whose value is not a valid one from the file (see JSON_FIELDS). */
  invalid: string[];
  /** How many responses teammates wrote to the note. */
  responses: number;
}

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  positionalCount(NAME, line, 0, 0, 'nothing');
  const query = {
    statuses: choicesOption(NAME, line.values, 'status', STATUSES),
    severities: choicesOption(NAME, line.values, 'severity', SEVERITIES),
    tags: listOption(line.values, 'tag').flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean),
    text: stringOption(line.values, 'text'),
  };
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  const all = await scanNotes(io, ctx);
  // Short ids are unique among all the notes of the folder, not only those listed.
  const shorts = shortIds(all.map((n) => n.note.id));
  const notes = newestFirst(all.filter((n) => matchesQuery(n.note, query) && validWhereFiltered(n, query)), (n) => n.note);

  if (flag(line.values, 'json')) {
    const responses = await listAllResponses(ctx.incidentsDir);
    const text = (n: IndexedNote, key: NoteFieldKey) => (fileValue(n, key) as string | undefined) ?? null;
    const listed: ListedNote[] = notes.map((n) => ({
      id: n.note.id,
      shortId: shorts.get(n.note.id) ?? n.note.id,
      title: text(n, 'title') ?? n.note.title,
      status: text(n, 'status') ?? n.note.status,
      severity: text(n, 'severity') ?? n.note.severity,
      occurred: text(n, 'occurred'),
      author: text(n, 'author'),
      tags: n.note.tags,
      path: relativeToRoot(ctx, n.path),
      problems: n.problems.map((p) => ({ level: p.level, message: p.message, line: p.line ?? null })),
      invalid: invalidFields(n, JSON_FIELDS),
      responses: responses.get(n.note.id)?.length ?? 0,
    }));
    io.out(JSON.stringify(listed, null, 2));
    return EXIT.ok;
  }
  if (notes.length === 0) {
    io.out('No notes.');
    return EXIT.ok;
  }
  printTable(notes, shorts, io);
  const broken = notes.filter(hasErrors).length;
  const unset = notes.some((n) => valueState(n, 'status') === 'missing' || valueState(n, 'severity') === 'missing');
  io.out(io.paint.dim(
    `${notes.length} note${notes.length === 1 ? '' : 's'}${broken > 0 ? `, ${broken} that cannot be read in full (!): run candor check` : ''}` +
      `${unset ? '; (?) not in the file, the default is shown' : ''}`,
  ));
  return EXIT.ok;
}

/** The --json fields that come from the front matter, in the order `invalid` names them. */
const JSON_FIELDS: readonly NoteFieldKey[] = ['title', 'status', 'severity', 'occurred', 'author'];

/** How the table marks a value that is not the file's valid one: short, explained by the footer. */
const TABLE_MARKS: ValueMarks = { invalid: ' (!)', missing: ' (?)', unread: '? (!)' };

/** A status or severity from the file, at most this wide in the table: the title needs the room. */
const MAX_VALUE_WIDTH = 16;

/**
 * A note whose status (severity) is not one the file validly gives matches no --status
 * (--severity): `status: opne` is not open, whatever default the note holds in its place.
 */
function validWhereFiltered(n: IndexedNote, query: { statuses: readonly string[]; severities: readonly string[] }): boolean {
  const usable = (key: NoteFieldKey) => !['invalid', 'unread'].includes(valueState(n, key));
  return (query.statuses.length === 0 || usable('status')) && (query.severities.length === 0 || usable('severity'));
}

/** A status or severity as the table shows it; a long invalid value is cut before its mark, not the mark. */
function valueCell(n: IndexedNote, key: NoteFieldKey): string {
  const text = safeLine(shownValue(n, key, TABLE_MARKS));
  if (displayWidth(text) <= MAX_VALUE_WIDTH || !text.endsWith(TABLE_MARKS.invalid)) {
    return text;
  }
  return `${truncate(text.slice(0, -TABLE_MARKS.invalid.length), MAX_VALUE_WIDTH - TABLE_MARKS.invalid.length)}${TABLE_MARKS.invalid}`;
}

function printTable(notes: IndexedNote[], shorts: ReadonlyMap<string, string>, io: Io): void {
  const p = io.paint;
  // The ! column only when a note needs it: most listings have none.
  const marked = notes.some(hasErrors);
  const columns: Column[] = [
    { header: 'ID' },
    { header: 'STATUS', max: MAX_VALUE_WIDTH, paint: (padded, value) => statusPaint(p, value)(padded) },
    { header: 'SEVERITY', max: MAX_VALUE_WIDTH, paint: (padded, value) => severityPaint(p, value as Severity)(padded) },
    { header: 'TITLE', shrink: true },
  ];
  const rows = notes.map((n) => [
    shorts.get(n.note.id) ?? n.note.id,
    valueCell(n, 'status'),
    valueCell(n, 'severity'),
    safeLine(n.note.title),
  ]);
  const lines = marked
    ? renderTable([{ header: ' ', paint: (padded) => p.red(padded) }, ...columns], rows.map((r, i) => [hasErrors(notes[i]) ? '!' : ' ', ...r]), io.columns, p.bold)
    : renderTable(columns, rows, io.columns, p.bold);
  lines.forEach((l) => io.out(l));
}

// A value that is not a valid one (marked `(!)`, `(invalid)`) is red, a default shown for a
// missing one dim: neither takes the colour of a real value.
export function severityPaint(p: Palette, severity: string): (text: string) => string {
  if (!(SEVERITIES as readonly string[]).includes(severity)) {
    return notAValue(p, severity);
  }
  return severity === 'critical' || severity === 'high' ? p.red : severity === 'medium' ? p.yellow : p.dim;
}

export function statusPaint(p: Palette, status: string): (text: string) => string {
  if (!(STATUSES as readonly string[]).includes(status)) {
    return notAValue(p, status);
  }
  return status === 'open' ? p.yellow : status === 'resolved' ? p.green : p.cyan;
}

function notAValue(p: Palette, shown: string): (text: string) => string {
  return /\((?:\?|not set)\)$/.test(shown) ? p.dim : p.red;
}
