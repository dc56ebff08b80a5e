// Bulk work on the extension host (a scan, a reconcile, loading the index cache) runs in slices
// and gives the event loop back between them, so the editor never waits long on Candor.

/** Longest a run of synchronous work holds the event loop before yielding, in ms. */
export const SLICE_MS = 10;

/** Lets pending events (a keystroke, a message) run before the next slice. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
