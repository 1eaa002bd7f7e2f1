import assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver-types';
import { maxFoldingRanges } from '../../../server/src/service/features/foldingRanges';
import { createLanguageService } from '../../../server/src/service/languageService';
import { maxNestingDepth } from '../../../server/src/service/parsing/boundedParse';
import { cardDocument } from '../../helpers/cards';

function foldsOf(text: string, rangeLimit?: number): FoldingRange[] {
  return createLanguageService().foldingRanges(cardDocument(text), rangeLimit);
}

const card = `# A demo card
# with a header
name: Demo
description: |
  # Not a comment: a heading in the text
  # and another
owners:
  - name: Ana
    role: developer
  - Bob
tags: [a,
  b]
metrics: {accuracy: 0.9}
# one comment line
limitations:   # trailing comment
  - One
  # a comment inside the list
  # that runs two lines
  - Two
`;

describe('folding ranges', () => {
  it('folds each multi-line section, list, mapping, block text and comment run, from its key line to its last line', () => {
    assert.deepEqual(foldsOf(card), [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 3, endLine: 5 },
      { startLine: 6, endLine: 9 },
      { startLine: 7, endLine: 8 },
      { startLine: 10, endLine: 11 },
      { startLine: 14, endLine: 18 },
      { startLine: 16, endLine: 17, kind: 'comment' },
    ]);
  });

  it('folds the same in a CRLF card', () => {
    assert.deepEqual(foldsOf(card.replace(/\n/g, '\r\n')), foldsOf(card));
  });

  it("gives the client's limit at most, the first ranges of the card", () => {
    assert.deepEqual(foldsOf(card, 3), foldsOf(card).slice(0, 3));
    assert.deepEqual(foldsOf(card, 0), []);
    const manyLists = Array.from({ length: maxFoldingRanges + 50 }, (_, index) => `x-list-${index}:\n  - a\n  - b\n`).join('');
    const folds = foldsOf(manyLists, 1_000_000);
    assert.equal(folds.length, maxFoldingRanges);
    assert.deepEqual(folds[folds.length - 1], { startLine: (maxFoldingRanges - 1) * 3, endLine: (maxFoldingRanges - 1) * 3 + 2 });
  });

  it('folds every level of a card nested as deep as a card may be, and stays bounded on deeper ones', () => {
    const nested = (depth: number) => `${Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n')} leaf\n`;
    assert.deepEqual(foldsOf(nested(maxNestingDepth)), Array.from({ length: maxNestingDepth - 1 }, (_, level) => ({ startLine: level, endLine: maxNestingDepth - 1 })));
    for (const depth of [300, 3000]) {
      const folds = foldsOf(nested(depth));
      assert.ok(folds.length <= maxFoldingRanges);
      assert.ok(folds.every((fold) => fold.startLine < fold.endLine && fold.endLine < depth));
    }
  });

  it('gives nothing for an empty document, and comment folds only for a card of comments', () => {
    assert.deepEqual(foldsOf(''), []);
    assert.deepEqual(foldsOf('# one\n# two\n\n# three\n'), [{ startLine: 0, endLine: 1, kind: 'comment' }]);
  });
});
