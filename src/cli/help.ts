// `--help` text, built from each command's own description and option specs so help can never
// list an option the parser does not take (or miss one it does).
import type { OptionSpec, OptionSpecs } from './args';
import type { Command } from './command';
import { withCommonOptions } from './commonOptions';
import { EXIT } from './exitCodes';
import { displayWidth } from './terminalText';

const MAX_WIDTH = 100;

export function commandHelp(command: Command, columns: number | undefined): string {
  const width = Math.min(columns ?? MAX_WIDTH, MAX_WIDTH);
  return [
    `Usage: ${command.usage}`,
    '',
    ...command.description.flatMap((p, i) => [...(i > 0 ? [''] : []), ...wrap(p, width)]),
    '',
    'Options:',
    ...optionLines(withCommonOptions(command.options), width),
    ...(command.examples.length > 0 ? ['', 'Examples:', ...command.examples.map((e) => `  ${e}`)] : []),
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
    ...commands.map((c) => `  ${c.name.padEnd(nameWidth)}  ${c.summary}`),
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
    `  ${EXIT.ok}   success`,
    `  ${EXIT.checkFailed}   check found errors in notes`,
    `  ${EXIT.usage}   usage error: unknown command or option, missing or invalid value`,
    `  ${EXIT.noFolder}   no incidents folder (not a repository, or no notes yet), or Candor's settings or template in the repository are unusable`,
    `  ${EXIT.unknownNote}   no note has that id`,
    `  ${EXIT.unexpected}  unexpected error`,
    '',
    'Environment:',
    '  NO_COLOR=1      no colour; FORCE_COLOR=1 colours even when not a terminal',
    '  COLUMNS=<n>     table width when stdout is not a terminal',
    '  CANDOR_DEBUG=1  stack traces, timings and the number of git processes on stderr',
  ].join('\n');
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

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current !== '' && displayWidth(current) + 1 + displayWidth(word) > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  return lines.length > 0 || current !== '' ? [...lines, current] : [''];
}
