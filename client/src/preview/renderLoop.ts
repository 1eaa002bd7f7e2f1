import { systemClock, Throttle, type Clock } from './throttle';

/** A version of a card: what a rendering is of. */
export interface CardVersion {
  uri: string;
  version: number;
}

export interface RenderLoopOptions<Rendering> {
  /** The version the preview should show now; undefined while there is none (the card is not open). */
  current(): CardVersion | undefined;
  /** Renders a version; undefined when it cannot be rendered now. */
  render(card: CardVersion): Promise<Rendering | undefined>;
  show(rendering: Rendering, card: CardVersion): void;
  onError(error: unknown): void;
  /** At most one render per interval while the card changes (VS Code's Markdown preview waits 300 ms). */
  intervalMs?: number;
  clock?: Clock;
}

/**
 * When a preview renders its card: at once after a pause, at most once per interval while the card
 * changes (a throttle, so the preview keeps up with typing), never twice for the same version, and
 * never showing a rendering that a newer one has overtaken.
 */
export class RenderLoop<Rendering> {
  private readonly throttle: Throttle;
  private shown: CardVersion | undefined;
  /** Numbers the renders; only the latest one may show its result. */
  private latestRender = 0;

  constructor(private readonly options: RenderLoopOptions<Rendering>) {
    this.throttle = new Throttle(() => void this.update(), options.intervalMs ?? 300, options.clock ?? systemClock);
  }

  /** The card changed (or may have): renders it, throttled. */
  refresh(): void {
    this.throttle.trigger();
  }

  /** What is shown is out of date even at the same version (a setting changed, the page was reloaded): renders again, throttled. */
  invalidate(): void {
    this.shown = undefined;
    this.refresh();
  }

  /** Renders at once, even the version shown (another card, or the page must be rebuilt). */
  renderNow(): void {
    this.throttle.cancel();
    this.shown = undefined;
    void this.update();
  }

  dispose(): void {
    this.throttle.cancel();
    this.latestRender++; // renders still running show nothing
  }

  private async update(): Promise<void> {
    const card = this.options.current();
    if (!card || (this.shown && sameVersion(card, this.shown))) return;
    const render = ++this.latestRender;
    let rendering: Rendering | undefined;
    try {
      rendering = await this.options.render(card);
    } catch (error) {
      if (render === this.latestRender) this.options.onError(error);
      return;
    }
    // A later render has started (for a newer version or another card): this result is stale.
    if (render !== this.latestRender || rendering === undefined) return;
    this.shown = card;
    this.options.show(rendering, card);
  }
}

function sameVersion(a: CardVersion, b: CardVersion): boolean {
  return a.uri === b.uri && a.version === b.version;
}
