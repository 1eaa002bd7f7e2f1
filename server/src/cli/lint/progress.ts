/**
 * A progress line on stderr ("Linting 120/1000 cards"), redrawn at most ten times a second, when
 * stderr is a terminal. When it is piped (CI logs), nothing is shown.
 */
export class ProgressLine {
  private shownAt = 0;
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    if (!this.stream.isTTY || this.total < 2) return;
    const now = Date.now();
    if (now - this.shownAt < 100 && done < this.total) return;
    this.shownAt = now;
    this.stream.write(`\r\x1b[2KLinting ${done}/${this.total} cards`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
