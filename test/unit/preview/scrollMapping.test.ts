import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineForPageOffset, pageOffsetForLine, scrollAnchors, type LineBlock } from '../../../client/preview-src/scrollMapping';

/** A card's blocks as a page lays them out: header at line 0, sections further down, the end sentinel. */
const blocks: LineBlock[] = [
  { line: 0, top: 0 },
  { line: 10, top: 200 },
  { line: 12, top: 240 },
  { line: 30, top: 600 },
  { line: 40, top: 1000 },
];

describe('scroll mapping between card lines and the preview page', () => {
  it('maps a line to the offset of its block, interpolating between the blocks around it', () => {
    const anchors = scrollAnchors(blocks);
    assert.equal(pageOffsetForLine(anchors, 10), 200);
    assert.equal(pageOffsetForLine(anchors, 11), 220);
    assert.equal(pageOffsetForLine(anchors, 21), 420);
    assert.equal(pageOffsetForLine(anchors, 12.5), 250);
    assert.equal(pageOffsetForLine(anchors, 55), 1000, 'past the last block: the last block');
  });

  it('maps a page offset back to the line, interpolating the same way', () => {
    const anchors = scrollAnchors(blocks);
    assert.equal(lineForPageOffset(anchors, 0), 0);
    assert.equal(lineForPageOffset(anchors, 100), 5);
    assert.equal(lineForPageOffset(anchors, 420), 21);
    assert.equal(lineForPageOffset(anchors, 5000), 40);
  });

  it('keeps the topmost of the blocks that share a line (a row and the items of its one-line list)', () => {
    const anchors = scrollAnchors([
      { line: 21, top: 300 },
      { line: 21, top: 310 },
      { line: 21, top: 330 },
      { line: 23, top: 400 },
    ]);
    assert.deepEqual(anchors, [
      { line: 0, top: 0 },
      { line: 21, top: 300 },
      { line: 23, top: 400 },
    ]);
  });

  it('passes over blocks shown out of the card’s order (governance first, for reviewers)', () => {
    const reviewerPage: LineBlock[] = [
      { line: 0, top: 0 },
      { line: 120, top: 100 }, // governance, written last in the card, shown first
      { line: 125, top: 150 },
      { line: 23, top: 300 },
      { line: 51, top: 700 },
      { line: 88, top: 1100 },
      { line: 139, top: 1500 },
    ];
    const anchors = scrollAnchors(reviewerPage);
    assert.deepEqual(anchors.map((anchor) => anchor.line), [0, 23, 51, 88, 139]);
    assert.equal(pageOffsetForLine(anchors, 51), 700);
    assert.equal(lineForPageOffset(anchors, 700), 51);
  });

  it('starts at the top of the page, above the margin of the first block', () => {
    const anchors = scrollAnchors([
      { line: 0, top: 19 },
      { line: 4, top: 100 },
    ]);
    assert.deepEqual(anchors, [
      { line: 0, top: 0 },
      { line: 4, top: 100 },
    ]);
    assert.equal(pageOffsetForLine(anchors, 0), 0);
    assert.equal(lineForPageOffset(anchors, 50), 2);
  });

  it('sorts blocks by their place on the page and skips blocks without a line', () => {
    const anchors = scrollAnchors([
      { line: 30, top: 600 },
      { line: Number.NaN, top: 50 },
      { line: 0, top: 0 },
      { line: 10, top: 200 },
    ]);
    assert.deepEqual(anchors.map((anchor) => anchor.line), [0, 10, 30]);
  });

  it('has nothing to map on a page without blocks', () => {
    assert.equal(pageOffsetForLine([], 3), undefined);
    assert.equal(lineForPageOffset([], 3), undefined);
  });

  it('goes from line to offset and back to the same line, on any page layout', () => {
    const layout = fc.array(fc.record({ line: fc.integer({ min: 0, max: 500 }), top: fc.integer({ min: 0, max: 20_000 }) }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(layout, fc.double({ min: 0, max: 1, noNaN: true }), (page, position) => {
        const anchors = scrollAnchors(page);
        for (let index = 1; index < anchors.length; index++) {
          assert.ok(anchors[index].line > anchors[index - 1].line && anchors[index].top >= anchors[index - 1].top, 'anchors increase in line and in page order');
        }
        const first = anchors[0].line;
        const last = anchors[anchors.length - 1].line;
        const line = first + position * (last - first);
        const offset = pageOffsetForLine(anchors, line)!;
        const back = lineForPageOffset(anchors, offset)!;
        // Anchors on the same page offset hold several lines at one offset: the way back lands on the last of them.
        const sameOffset = anchors.filter((anchor) => anchor.top === offset);
        if (sameOffset.length > 1) assert.equal(back, sameOffset[sameOffset.length - 1].line);
        else assert.ok(Math.abs(back - line) < 1e-6, `line ${line} → offset ${offset} → line ${back}`);
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });
});
