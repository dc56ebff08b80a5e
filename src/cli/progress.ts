// A progress line for work that takes a while (scanning thousands of notes), so a terminal does
// not look hung. Only on a terminal's stderr, only after a short delay (quick runs never flash
// it), and erased when done so it never mixes with the output.
import type { Io } from './io';

const DELAY_MS = 300;

export async function withProgress<T>(io: Io, label: string, work: () => Promise<T>): Promise<T> {
  if (!io.stderrIsTTY) {
    return work();
  }
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    io.errRaw(`${io.errPaint.dim(`${label}…`)}`);
  }, DELAY_MS);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    if (shown) {
      io.errRaw('\r\u001b[K');
    }
  }
}
