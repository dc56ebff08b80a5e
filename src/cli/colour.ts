// Colour only helps a person reading a terminal: never in pipes, files or CI logs unless asked
// with FORCE_COLOR, and never when NO_COLOR (https://no-color.org) or --no-color says no.

export interface Palette {
  enabled: boolean;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, noColorFlag: boolean): boolean {
  // NO_COLOR counts only when set to something: the convention ignores an empty value.
  if (noColorFlag || (env.NO_COLOR ?? '') !== '') {
    return false;
  }
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') {
    return true;
  }
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function palette(enabled: boolean): Palette {
  const sgr = (open: number, close: number) => (text: string) => (enabled && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    enabled,
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
    dim: sgr(2, 22),
    bold: sgr(1, 22),
  };
}
