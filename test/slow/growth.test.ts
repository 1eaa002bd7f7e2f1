import assert from 'node:assert/strict';
import { defaultSettings } from '../../server/src/protocol';
import { createLanguageService } from '../../server/src/service/languageService';
import { deepFlowPairs, deepFlowSequences, nestedCollectionKeys, nestedMappingKeys, sequenceKeys } from '../helpers/badInputs';
import { cardDocument } from '../helpers/cards';

/**
 * Issue 12: no construct costs more than near-linear time in its size. For each, the work on a
 * card of size 4N must cost at most 6 times the work on size N (quadratic work would cost 16
 * times). Work is measured as this process's CPU time (so other processes on a loaded machine
 * count little), the median of several runs after a warm-up.
 */
const maxRatio = 6;
const runs = 5;

/** Everything the editor asks of a card: diagnostics, outline, folding, selection, completion, hover and the preview. */
function allWork(text: string): void {
  const service = createLanguageService();
  const document = cardDocument(text);
  const middle = document.positionAt(Math.floor(text.length / 2));
  const end = document.positionAt(text.length);
  service.validate(document, defaultSettings);
  service.documentSymbols(document);
  service.foldingRanges(document, 5_000);
  service.selectionRanges(document, [middle, end]);
  service.complete(document, end);
  service.hover(document, middle);
  service.render(document, 'developer');
}

/** CPU milliseconds of `work`, the median of `runs` runs. */
function cpuMs(work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const before = process.cpuUsage();
    work();
    const { user, system } = process.cpuUsage(before);
    times.push((user + system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** Constructs whose cost grew faster than their size, each as a card of size n, and the n to start from. */
const constructs: { name: string; card: (n: number) => string; n: number }[] = [
  { name: 'block sequences as mapping keys (`? - a`)', card: sequenceKeys, n: 300 },
  { name: 'flow sequences as the keys of flow mappings, nested (`[{[{`)', card: nestedCollectionKeys, n: 400 },
  { name: 'flow mappings, each the key of the one around it', card: nestedMappingKeys, n: 400 },
  { name: 'deep flow nesting (`[[[...]]]`)', card: deepFlowSequences, n: 8_000 },
  { name: 'deep flow sequences of pairs (`a: [b: [b: [`)', card: deepFlowPairs, n: 2_000 },
  {
    name: 'many anchors and aliases',
    card: (n) => `name: x\n${Array.from({ length: n }, (_, index) => `x-a${index}: &a${index} {v: ${index}, w: [1, 2]}\nx-b${index}: *a${index}\n`).join('')}`,
    n: 400,
  },
  { name: 'many aliases of one anchor', card: (n) => `name: x\nx-base: &base {a: 1}\nx-uses:\n${'  - *base\n'.repeat(n)}`, n: 4_000 },
  { name: 'a very long line', card: (n) => `name: x\nsummary: ${'word '.repeat(n)}\n`, n: 40_000 },
  { name: 'a very long line of placeholders', card: (n) => `name: x\nsummary: ${'TODO '.repeat(n)}\n`, n: 5_000 },
  { name: 'long runs of comments', card: (n) => `name: x\n${'# a comment line\n'.repeat(n)}limitations:\n${'  # a comment\n'.repeat(n)}  - Only English.\n`, n: 20_000 },
  { name: 'findings in one section of the preview', card: (n) => `name: x\nlimitations:\n${'  - TODO\n'.repeat(n)}`, n: 1_000 },
];

describe('growth of the cost with the size of each construct that was super-linear (N against 4N, CPU time)', function () {
  this.timeout(600_000);
  for (const { name, card, n } of constructs) {
    it(`${name}: at most ${maxRatio} times the cost for 4 times the size`, () => {
      const small = card(n);
      const large = card(4 * n);
      allWork(small);
      allWork(large);
      const [smallMs, largeMs] = [cpuMs(() => allWork(small)), cpuMs(() => allWork(large))];
      const ratio = largeMs / smallMs;
      console.log(`      ${name}: ${smallMs.toFixed(0)} ms, 4N ${largeMs.toFixed(0)} ms, ratio ${ratio.toFixed(1)}`);
      assert.ok(ratio <= maxRatio, `4N cost ${ratio.toFixed(1)} times N`);
    });
  }
});
