// Where a command's output goes, with what colour and width. Commands write through this rather
// than to process streams, so main decides once whether colour and progress lines are wanted.
import { colourWanted, palette, type Palette } from './colour';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Colours for stdout. */
  paint: Palette;
  /** Colours for stderr, which may be a terminal when stdout is not (or the reverse). */
  errPaint: Palette;
  /**
   * Width that tables and help fit: the terminal's, else COLUMNS, else 80 on a terminal that does
   * not say. Undefined when stdout is not a terminal and COLUMNS is unset: a pipe (grep, less -S,
   * a file) gets whole lines rather than titles cut to a width nobody sees (see terminalWidth).
   */
  columns: number | undefined;
  /** Progress lines go to stderr only when it is a terminal. */
  stderrIsTTY: boolean;
  out(line: string): void;
  err(line: string): void;
  /** Writes to stderr as is: progress lines rewrite themselves with \r. */
  errRaw(text: string): void;
}

export function processIo(noColorFlag: boolean): Io {
  const env = process.env;
  return {
    cwd: process.cwd(),
    env,
    paint: palette(colourWanted(process.stdout, env, noColorFlag)),
    errPaint: palette(colourWanted(process.stderr, env, noColorFlag)),
    columns: terminalWidth(process.stdout, env),
    stderrIsTTY: process.stderr.isTTY === true,
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    errRaw: (text) => void process.stderr.write(text),
  };
}

/** The width when a terminal does not report one (and COLUMNS is unset). */
const DEFAULT_WIDTH = 80;

/**
 * `stream.columns` on a terminal; else the COLUMNS variable (a positive whole number); else 80 on
 * a terminal, and no width for a pipe or a file, whose lines are then not cut.
 */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): number | undefined {
  if (stream.isTTY && stream.columns && stream.columns > 0) {
    return stream.columns;
  }
  const fromEnv = Number(env.COLUMNS);
  if (/^\s*\d+\s*$/.test(env.COLUMNS ?? '') && Number.isSafeInteger(fromEnv) && fromEnv > 0) {
    return fromEnv;
  }
  return stream.isTTY ? DEFAULT_WIDTH : undefined;
}
