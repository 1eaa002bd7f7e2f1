/**
 * Runs one validation per document once the messages already received have been handled: a burst
 * of edits that arrives together is validated once, at its last version, and a single edit is
 * validated at once (no fixed delay).
 *
 * The JSON-RPC connection handles one queued message per turn of the event loop (setImmediate),
 * so the messages of a burst are not all handled by the next turn. The scheduler waits turn by
 * turn, and validates after the first turn in which no new request arrived.
 */
export class ValidationScheduler {
  private readonly pending = new Set<string>();
  private scheduled = false;
  /** A request arrived since the last turn. */
  private requestedSinceCheck = false;

  /** `onError` hears of a validation that failed: a rejected promise left alone would end the process. */
  constructor(
    private readonly validate: (uri: string) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly nextTurn: (run: () => void) => void = setImmediate,
  ) {}

  request(uri: string): void {
    this.pending.add(uri);
    this.requestedSinceCheck = true;
    if (this.scheduled) return;
    this.scheduled = true;
    this.nextTurn(() => this.check());
  }

  cancel(uri: string): void {
    this.pending.delete(uri);
  }

  private check(): void {
    if (this.requestedSinceCheck) {
      this.requestedSinceCheck = false;
      this.nextTurn(() => this.check());
      return;
    }
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) this.validate(uri).catch(this.onError);
  }
}
