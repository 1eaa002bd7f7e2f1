import type { Steps } from '../service/steps';

/** How long work runs before it lets the messages that arrived meanwhile be handled. */
export const sliceMs = 20;

/**
 * Runs the steps in slices of about `sliceMs`, letting the connection handle the messages that
 * arrived between slices (one per turn of the event loop). Resolves with the result, or with
 * undefined when `goOn` says, between slices, that the result is no longer wanted.
 */
export async function runInSlices<T>(steps: Steps<T>, goOn: () => boolean, nextTurn: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve))): Promise<T | undefined> {
  for (;;) {
    const sliceEnd = performance.now() + sliceMs;
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() >= sliceEnd) break;
    }
    await nextTurn();
    if (!goOn()) return undefined;
  }
}
