/** Time and timers, so that tests can run the throttles on a fake clock. */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as Parameters<typeof clearTimeout>[0]),
};

/**
 * Runs `run` at most once per `intervalMs`: at once when it has not run for that long, otherwise
 * once at the end of the interval for all the calls made meanwhile. Unlike a debounce, steady
 * calls (typing, scrolling) never hold the run back for longer than the interval.
 */
export class Throttle {
  private lastRun = Number.NEGATIVE_INFINITY;
  private pending: { timer: unknown } | undefined;

  constructor(
    private readonly run: () => void,
    private readonly intervalMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  trigger(): void {
    if (this.pending) return;
    const wait = this.lastRun + this.intervalMs - this.clock.now();
    if (wait <= 0) {
      this.runNow();
      return;
    }
    this.pending = {
      timer: this.clock.setTimeout(() => {
        this.pending = undefined;
        this.runNow();
      }, wait),
    };
  }

  /** Drops the pending run, if any. */
  cancel(): void {
    if (this.pending) this.clock.clearTimeout(this.pending.timer);
    this.pending = undefined;
  }

  private runNow(): void {
    this.lastRun = this.clock.now();
    this.run();
  }
}
