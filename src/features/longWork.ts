// Long work a person waits for (the first index of a large folder, insights over a long history,
// a re-anchor of many links): a notification with its progress and a Cancel button, shown only
// once the work has taken long enough to notice, so that quick work never flickers.
import * as vscode from 'vscode';

/** Below this, work finishes before a notification would be worth reading. */
const SHOW_PROGRESS_AFTER_MS = 400;

export interface LongWork {
  /** Aborted when the person presses Cancel; pass it on to git and poll it between steps. */
  readonly signal: AbortSignal;
  /** Where the work is: "n of total" in the notification. */
  report(done: number, total: number): void;
}

/** The work's result, or `cancelled` when the person pressed Cancel (whatever the work returned then). */
export type LongWorkResult<T> = { cancelled: false; value: T } | { cancelled: true };

export async function runLongWork<T>(
  title: string,
  work: (progress: LongWork) => Promise<T>,
  showAfterMs = SHOW_PROGRESS_AFTER_MS,
): Promise<LongWorkResult<T>> {
  const controller = new AbortController();
  let latest: [number, number] | undefined;
  let show: ((done: number, total: number) => void) | undefined;
  const running = work({
    signal: controller.signal,
    report: (done, total) => {
      latest = [done, total];
      show?.(done, total);
    },
  });
  let finished = false;
  const timer = setTimeout(() => {
    if (finished) {
      return;
    }
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      token.onCancellationRequested(() => controller.abort());
      let shown = 0;
      show = (done, total) => {
        // The notification's bar moves by increments: give it the share done since last time.
        const share = total > 0 ? Math.min(100, (done / total) * 100) : 0;
        progress.report({ message: vscode.l10n.t('{0} of {1}', done, total), increment: Math.max(0, share - shown) });
        shown = Math.max(shown, share);
      };
      if (latest) {
        show(...latest);
      }
      return running.then(() => undefined, () => undefined);
    });
  }, showAfterMs);
  try {
    const value = await running;
    return controller.signal.aborted ? { cancelled: true } : { cancelled: false, value };
  } catch (err) {
    if (controller.signal.aborted) {
      return { cancelled: true };
    }
    throw err;
  } finally {
    finished = true;
    clearTimeout(timer);
  }
}
