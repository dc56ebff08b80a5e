// Long work in the real workbench: a progress notification that appears only when the work is
// slow, and whose Cancel (here through the notification's own primary-action command, as the
// keyboard does it) aborts the work's signal.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runLongWork, type LongWork } from '../../src/features/longWork';

/** Work that waits for its signal (or gives up after `ms`), reporting where it is. */
function waitForCancel(progress: LongWork, ms: number): Promise<string> {
  progress.report(3, 10);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('finished'), ms);
    progress.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve('stopped');
    });
  });
}

describe('long work', () => {
  it('returns quick work without a notification, and its value', async () => {
    assert.deepEqual(await runLongWork('Candor test: quick', async () => 42), { cancelled: false, value: 42 });
  });

  it('shows slow work in a notification whose Cancel aborts it', async () => {
    let signal: AbortSignal | undefined;
    const result = runLongWork('Candor test: slow work', (progress) => {
      signal = progress.signal;
      return waitForCancel(progress, 30_000);
    }, 50);
    // Press the notification's Cancel once it is there (it is the toast's primary action).
    const deadline = Date.now() + 20_000;
    while (!signal?.aborted && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      await vscode.commands.executeCommand('notifications.focusToasts');
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    }
    assert.deepEqual(await result, { cancelled: true });
    assert.equal(signal?.aborted, true);
  });
});
