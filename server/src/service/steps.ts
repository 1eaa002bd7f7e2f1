/**
 * Long work done in steps: a generator that yields between steps, so that whoever runs it can
 * pause it (to answer a request, or because its time is spent) and resume it later. The service
 * has no timers: the LSP server decides how long each run lasts.
 */
export type Steps<T> = Generator<void, T, void>;

/** How long a piece of work may go on: it stops at the next step once the budget is spent (time, or the client cancelled). */
export interface Budget {
  isSpent(): boolean;
}

export const unlimited: Budget = { isSpent: () => false };

/** A request that its budget did not allow to answer, and that has no partial answer: asked again a moment later, it goes on from there. */
export class OutOfBudget extends Error {
  constructor() {
    super('The card is large and still being read: try again in a moment.');
  }
}

/** Runs all the steps and gives the result. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Work in steps that several callers share: each runs it on from where the last one stopped. */
export class Job<T> {
  private result: { value: T } | undefined;
  private failure: { error: unknown } | undefined;
  /** The steps left; dropped once the work is over, since a finished generator still holds its arguments (the parse of an earlier version, say). */
  private work: Steps<T> | undefined;

  /** `onDone` hears of the result once, when the last step is run. */
  constructor(
    work: Steps<T>,
    private readonly onDone?: (result: T) => void,
  ) {
    this.work = work;
  }

  get isDone(): boolean {
    return this.result !== undefined;
  }

  /** Runs steps until the work is done, or the budget is spent: the result, or undefined. */
  runWithin(budget: Budget): T | undefined {
    while (!this.result) {
      if (budget.isSpent()) return undefined;
      this.step();
    }
    return this.result.value;
  }

  /** The steps left, for a caller that runs them at its own pace. */
  *steps(): Steps<T> {
    while (!this.result) {
      this.step();
      if (!this.result) yield;
    }
    return this.result.value;
  }

  private step(): void {
    // Work that threw is over: every caller gets its error, none a result of undefined.
    if (this.failure) throw this.failure.error;
    let step: IteratorResult<void, T>;
    try {
      step = this.work!.next();
    } catch (error) {
      this.failure = { error };
      this.work = undefined;
      throw error;
    }
    if (!step.done) return;
    this.result = { value: step.value };
    this.work = undefined;
    this.onDone?.(step.value);
  }
}
