// Card line ↔ page offset, for scroll sync. Pure functions over the positions of the page's
// `.code-line[data-line]` blocks, so that they can be tested without a browser.

/** A block of the page that starts at a card line: that line, and its top, in pixels from the top of the page. */
export interface LineBlock {
  line: number;
  top: number;
}

/** The top of the page is the top of the card (the header's margin above its first block included). */
const pageTop: LineBlock = { line: 0, top: 0 };

/**
 * The blocks scrolling follows, in page order, from the top of the page: one per card line (the
 * topmost), and only the longest run whose lines increase down the page. Blocks out of that order
 * (the governance section that reviewers see first; model details gathered under one heading) are
 * passed over, so that both mappings stay monotonic and each is the inverse of the other.
 */
export function scrollAnchors(blocks: readonly LineBlock[]): LineBlock[] {
  const seen = new Set<number>();
  const candidates = [pageTop, ...blocks]
    .sort((a, b) => a.top - b.top)
    .filter((block) => Number.isFinite(block.line) && !seen.has(block.line) && seen.add(block.line));
  return longestIncreasingRun(candidates);
}

/** The page offset at which card line `line` (fractional) starts: interpolated between the anchors around it. */
export function pageOffsetForLine(anchors: readonly LineBlock[], line: number): number | undefined {
  if (anchors.length === 0) return undefined;
  const index = lastIndexAtOrBefore(anchors, (anchor) => anchor.line <= line);
  if (index < 0) return anchors[0].top;
  const previous = anchors[index];
  const next = anchors[index + 1];
  if (!next) return previous.top;
  return previous.top + ((line - previous.line) / (next.line - previous.line)) * (next.top - previous.top);
}

/** The card line (fractional) at page offset `offset`: the inverse of pageOffsetForLine. */
export function lineForPageOffset(anchors: readonly LineBlock[], offset: number): number | undefined {
  if (anchors.length === 0) return undefined;
  const index = lastIndexAtOrBefore(anchors, (anchor) => anchor.top <= offset);
  if (index < 0) return anchors[0].line;
  const previous = anchors[index];
  const next = anchors[index + 1];
  if (!next) return previous.line;
  // next.top > offset >= previous.top: it is the first anchor below the offset.
  return previous.line + ((offset - previous.top) / (next.top - previous.top)) * (next.line - previous.line);
}

/** The index of the last anchor that `isAtOrBefore` accepts (anchors are sorted for it), or -1: a binary search. */
function lastIndexAtOrBefore(anchors: readonly LineBlock[], isAtOrBefore: (anchor: LineBlock) => boolean): number {
  let low = 0;
  let high = anchors.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isAtOrBefore(anchors[middle])) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The longest subsequence whose lines strictly increase (patience sorting, O(n log n)). */
function longestIncreasingRun(blocks: readonly LineBlock[]): LineBlock[] {
  const tails: number[] = []; // tails[k]: index of the smallest last line of a run of length k + 1
  const previous: number[] = new Array<number>(blocks.length);
  blocks.forEach((block, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (blocks[tails[middle]].line < block.line) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tails[low - 1] : -1;
    tails[low] = index;
  });
  const run: LineBlock[] = [];
  for (let index = tails.length > 0 ? tails[tails.length - 1] : -1; index >= 0; index = previous[index]) run.push(blocks[index]);
  return run.reverse();
}
