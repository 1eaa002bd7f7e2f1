import { systemClock, type Clock } from './throttle';

/**
 * Tells the editor scrolls that the preview itself caused (it revealed a line because the user
 * scrolled the page) from the user's own. Sending those back to the page would make it fight the
 * user's scrolling; VS Code's Markdown preview ignores them for 200 ms too.
 */
export class ScrollEchoGuard {
  private quietUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly windowMs = 200,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The preview is about to scroll the editor. */
  expectEcho(): void {
    this.quietUntil = this.clock.now() + this.windowMs;
  }

  /** Whether an editor scroll now is (most likely) the echo of the preview's own. */
  isEcho(): boolean {
    return this.clock.now() < this.quietUntil;
  }
}
