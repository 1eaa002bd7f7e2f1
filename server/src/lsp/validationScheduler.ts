/**
 * Runs one validation per document after the messages already received have been handled:
 * a burst of edits that arrives together is validated once, at its last version, and a single
 * edit is validated at once (no fixed delay).
 */
export class ValidationScheduler {
  private readonly pending = new Set<string>();
  private scheduled = false;

  /** `onError` hears of a validation that failed: a rejected promise left alone would end the process. */
  constructor(
    private readonly validate: (uri: string) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  cancel(uri: string): void {
    this.pending.delete(uri);
  }

  private flush(): void {
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) this.validate(uri).catch(this.onError);
  }
}
