// Plain-text tables that fit the terminal: one column (the title) gives up its width, cut with …,
// so every row stays on one line. Cells are plain text; colour is added after padding so it
// does not count towards widths.
import { displayWidth, padEnd, truncate } from './terminalText';

export interface Column {
  header: string;
  /** The column that is cut to make the table fit. */
  shrink?: boolean;
  /** At most this many columns wide, cut with … beyond (a value from a file can be any length). */
  max?: number;
  /** Adds colour to a cell after it is padded. */
  paint?: (padded: string, value: string) => string;
}

const GAP = '  ';
/** The shrinking column keeps at least this many columns, even if the row then wraps. */
const MIN_SHRUNK = 12;

export function renderTable(columns: Column[], rows: string[][], maxWidth: number | undefined, paintHeader: (text: string) => string = (t) => t): string[] {
  const widths = columns.map((c, i) => {
    const widest = Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? '')));
    return c.max === undefined ? widest : Math.min(widest, Math.max(c.max, displayWidth(c.header)));
  });
  const shrinking = columns.findIndex((c) => c.shrink);
  if (maxWidth !== undefined && shrinking >= 0) {
    const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1);
    if (total > maxWidth) {
      widths[shrinking] = Math.max(MIN_SHRUNK, widths[shrinking] - (total - maxWidth));
    }
  }
  const line = (cells: string[], paintCell: (i: number, padded: string, value: string) => string) =>
    cells
      .map((value, i) => {
        const cut = truncate(value, widths[i]);
        // The last column is not padded: no trailing spaces.
        const padded = i === cells.length - 1 ? cut : padEnd(cut, widths[i]);
        return paintCell(i, padded, value);
      })
      .join(GAP)
      // An empty last cell would leave the gap before it dangling.
      .trimEnd();
  return [
    line(columns.map((c) => c.header), (_i, padded) => paintHeader(padded)),
    ...rows.map((row) => line(row, (i, padded, value) => columns[i].paint?.(padded, value) ?? padded)),
  ];
}
