// Command-line options, read with Node's own util.parseArgs (strict: an unknown option is an
// error, not silently ignored), plus the few checks every command needs on their values.
import { parseArgs } from 'util';
import { UsageError } from './exitCodes';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** May be given more than once; the values are collected in order. */
  multiple?: boolean;
  /** What the value is, for help: `--title <text>`. */
  value?: string;
  help: string;
}

export type OptionSpecs = Record<string, OptionSpec>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandLine {
  values: OptionValues;
  positionals: string[];
}

export function parseCommandLine(command: string, argv: string[], specs: OptionSpecs): CommandLine {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, s]) => [name, { type: s.type, multiple: s.multiple === true, ...(s.short ? { short: s.short } : {}) }]),
  );
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as OptionValues, positionals };
  } catch (err) {
    // Only the person's mistakes are usage errors; a bad option table is a bug (exit 70).
    if (!String((err as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS')) {
      throw err;
    }
    throw new UsageError(command, parseErrorMessage(err));
  }
}

/** parseArgs' messages explain `--` at length; the first sentence is what a person needs. */
function parseErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = /'([^']+)'/.exec(message)?.[1];
    return name ? `Unknown option ${name}.` : message.split('. ')[0];
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /ambiguous|argument missing/.test(message)) {
    const name = /'(-[^' ]+)/.exec(message)?.[1];
    return `${name ?? 'An option'} needs a value.`;
  }
  return message.split('. ')[0].replace(/\.?$/, '.');
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
}

export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/** Values of a repeatable option that also accepts commas: `--status open,mitigated`. */
export function choicesOption<T extends string>(command: string, values: OptionValues, name: string, allowed: readonly T[]): T[] {
  const given = listOption(values, name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const value of given) {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new UsageError(command, `--${name} "${value}" is not one of ${allowed.join(', ')}.`);
    }
  }
  return given as T[];
}

export function choiceOption<T extends string>(command: string, values: OptionValues, name: string, allowed: readonly T[], fallback: T): T {
  const value = stringOption(values, name);
  if (value === undefined) {
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(command, `--${name} "${value}" is not one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

export function positionalCount(command: string, line: CommandLine, min: number, max: number, what: string): void {
  if (line.positionals.length < min) {
    throw new UsageError(command, `Missing ${what}.`);
  }
  if (line.positionals.length > max) {
    throw new UsageError(command, `Unexpected argument "${line.positionals[max]}".`);
  }
}
