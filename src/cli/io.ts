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
  /** Terminal width for tables; undefined when stdout is not a terminal and COLUMNS is unset. */
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
  const fromEnv = Number(env.COLUMNS);
  return {
    cwd: process.cwd(),
    env,
    paint: palette(colourWanted(process.stdout, env, noColorFlag)),
    errPaint: palette(colourWanted(process.stderr, env, noColorFlag)),
    columns: process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined,
    stderrIsTTY: process.stderr.isTTY === true,
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    errRaw: (text) => void process.stderr.write(text),
  };
}
