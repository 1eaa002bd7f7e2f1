import type { Clock } from '../../client/src/preview/throttle';

/** A clock whose time moves only when the test advances it; due timers run in time order. */
export class FakeClock implements Clock {
  private time = 0;
  private nextId = 0;
  private readonly timers = new Map<number, { at: number; run: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): number {
    const id = ++this.nextId;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  }

  clearTimeout(timer: unknown): void {
    this.timers.delete(timer as number);
  }

  /** Moves time forward by `ms`, running each timer that falls due at its own time. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const [id, due] = [...this.timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || !due) break;
      this.timers.delete(id);
      this.time = due.at;
      due.run();
    }
    this.time = end;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}
