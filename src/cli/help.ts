// `--help` text, built from each command's own description and option specs so help can never
// list an option the parser does not take (or miss one it does). Every line fits the terminal's
// width (at most MAX_WIDTH): long lines wrap under their own start, examples between shell words
// with a trailing \ so that they still paste as one command.
import type { OptionSpec, OptionSpecs } from './args';
import type { Command } from './command';
import { withCommonOptions } from './commonOptions';
import { EXIT } from './exitCodes';
import { displayWidth } from './terminalText';

const MAX_WIDTH = 100;

export function commandHelp(command: Command, columns: number | undefined): string {
  const width = Math.min(columns ?? MAX_WIDTH, MAX_WIDTH);
  return [
    ...usageLines(command, width),
    '',
    ...command.description.flatMap((p, i) => [...(i > 0 ? [''] : []), ...wrap(p, width)]),
    '',
    'Options:',
    ...optionLines(withCommonOptions(command.options), width),
    ...(command.examples.length > 0 ? ['', 'Examples:', ...command.examples.flatMap((e) => exampleLines(e, width))] : []),
  ].join('\n');
}

export function globalHelp(version: string, commands: readonly Command[], columns: number | undefined): string {
  const width = Math.min(columns ?? MAX_WIDTH, MAX_WIDTH);
  const nameWidth = Math.max(...commands.map((c) => c.name.length));
  return [
    `candor ${version}: in-repo incident notes from the command line`,
    '',
    'Usage: candor <command> [options]',
    '       candor <command> --help',
    '',
    'Commands:',
    ...commands.flatMap((c) => hanging(`  ${c.name.padEnd(nameWidth)}  `, c.summary, width)),
    '',
    'Options:',
    '  -h, --help      Show this help',
    '  --version       Print the version',
    '  --no-color      No colour',
    '',
    ...wrap(
      'Notes are read from the incidents folder of the repository that holds the current directory ' +
        '(found by its .git, no git needed to read): --dir, else candor.incidentsFolder in ' +
        '<repo>/.vscode/settings.json, else incidents.',
      width,
    ),
    '',
    'Exit codes:',
    ...([
      [EXIT.ok, 'success'],
      [EXIT.checkFailed, 'check found errors in notes'],
      [EXIT.usage, 'usage error: unknown command or option, missing or invalid value, an id that starts several notes\' ids'],
      [EXIT.noFolder, 'no incidents folder (not a repository, or no notes yet), or Candor\'s settings or template in the repository are unusable'],
      [EXIT.unknownNote, 'no note has that id'],
      [EXIT.unexpected, 'unexpected error'],
    ] as const).flatMap(([code, text]) => hanging(`  ${String(code).padEnd(3)} `, text, width)),
    '',
    'Environment:',
    ...[
      ['NO_COLOR=1', 'no colour; FORCE_COLOR=1 colours even when not a terminal'],
      ['COLUMNS=<n>', 'the width tables and help fit when stdout is not a terminal (piped without it, lines are not cut)'],
      ['CANDOR_DEBUG=1', 'stack traces, timings and the number of git processes on stderr'],
    ].flatMap(([name, text]) => hanging(`  ${name.padEnd(14)}  `, text, width)),
  ].join('\n');
}

/** `Usage: candor review [<base>] …`, wrapped under the command's first argument. */
function usageLines(command: Command, width: number): string[] {
  const start = `Usage: candor ${command.name} `;
  const rest = command.usage.startsWith(start.slice('Usage: '.length)) ? command.usage.slice(start.length - 'Usage: '.length) : undefined;
  return rest === undefined ? wrap(`Usage: ${command.usage}`, width) : hanging(start, rest, width, /\[[^\]]*\]\S*|\S+/g);
}

/** `label` then `text` wrapped in the columns after it; continuation lines indented as far. */
function hanging(label: string, text: string, width: number, words?: RegExp): string[] {
  const lines = wrap(text, Math.max(20, width - displayWidth(label)), words);
  const indent = ' '.repeat(displayWidth(label));
  return lines.map((l, i) => `${i === 0 ? label : indent}${l}`.trimEnd());
}

/**
 * An example command, broken between shell words (never inside quotes) when it is wider than
 * `width`; each broken line ends with \ so the whole still pastes as one command.
 */
function exampleLines(example: string, width: number): string[] {
  const words = example.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [example];
  const lines: string[][] = [[]];
  const used = (line: string[], indent: number) => indent + displayWidth(line.join(' '));
  for (const word of words) {
    const line = lines[lines.length - 1];
    const indent = lines.length === 1 ? 2 : 6;
    // Room for the " \\" that ends a broken line.
    if (line.length > 0 && used([...line, word], indent) + 2 > width) {
      // An option goes down with its value: `--file` ends no line when `src/a.ts` starts the next.
      const carried = line.length > 1 && line[line.length - 1].startsWith('-') && !word.startsWith('-') ? [line.pop()!] : [];
      lines.push([...carried, word]);
    } else {
      line.push(word);
    }
  }
  return lines.map((line, i) => `${i === 0 ? '  ' : '      '}${line.join(' ')}${i < lines.length - 1 ? ' \\' : ''}`);
}

function optionLines(options: OptionSpecs, width: number): string[] {
  const all: [string, OptionSpec][] = Object.entries(options);
  const labels = all.map(([name, spec]) => label(name, spec));
  const labelWidth = Math.min(26, Math.max(...labels.map((l) => displayWidth(l))));
  return all.flatMap(([, spec], i) => {
    const text = wrap(spec.help + (spec.multiple ? ' (repeatable)' : ''), width - labelWidth - 4);
    const first = labels[i].length > labelWidth ? [`  ${labels[i]}`, `  ${' '.repeat(labelWidth)}  ${text[0]}`] : [`  ${labels[i].padEnd(labelWidth)}  ${text[0]}`];
    return [...first, ...text.slice(1).map((t) => `  ${' '.repeat(labelWidth)}  ${t}`)];
  });
}

function label(name: string, spec: OptionSpec): string {
  const long = `--${name}${spec.type === 'string' ? ` <${spec.value ?? 'value'}>` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}

/**
 * Words filled into lines of at most `width` columns. A word is what `words` matches (a global
 * pattern; by default anything between spaces), so `[--status <s>]` can stay whole.
 */
function wrap(text: string, width: number, words: RegExp = /\S+/g): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.match(words) ?? []) {
    if (current !== '' && displayWidth(current) + 1 + displayWidth(word) > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  return lines.length > 0 || current !== '' ? [...lines, current] : [''];
}
