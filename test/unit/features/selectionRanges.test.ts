import assert from 'node:assert/strict';
import type { Position, SelectionRange } from 'vscode-languageserver-types';
import { maxSelectionDepth } from '../../../server/src/service/features/selectionRanges';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardDocument, withCaret } from '../../helpers/cards';

/** The text each selection step covers, from the innermost out. */
function selectionSteps(textWithCaret: string): string[] {
  const { text, position } = withCaret(textWithCaret);
  const document = cardDocument(text);
  const [selection] = createLanguageService().selectionRanges(document, [position]);
  const steps: string[] = [];
  for (let current: SelectionRange | undefined = selection; current; current = current.parent) {
    steps.push(text.slice(document.offsetAt(current.range.start), document.offsetAt(current.range.end)));
  }
  return steps;
}

const card = `name: Demo
metrics:
  - name: accuracy
    value: 0.9
    slice: {age: old}
limitations: Rare images
`;

describe('selection ranges', () => {
  it('expands from a value to its pair, the list item, the list, the section, the card and the document', () => {
    assert.deepEqual(selectionSteps(card.replace('0.9', '0.|9')), [
      '0.9',
      'value: 0.9',
      'name: accuracy\n    value: 0.9\n    slice: {age: old}',
      '- name: accuracy\n    value: 0.9\n    slice: {age: old}',
      'metrics:\n  - name: accuracy\n    value: 0.9\n    slice: {age: old}',
      card.trimEnd(),
      card,
    ]);
  });

  it('expands from a key to its pair, and inside flow mappings', () => {
    assert.deepEqual(selectionSteps(card.replace('limitations', 'limi|tations')), ['limitations', 'limitations: Rare images', card.trimEnd(), card]);
    assert.deepEqual(selectionSteps(card.replace('old', 'o|ld')).slice(0, 4), ['old', 'age: old', '{age: old}', 'slice: {age: old}']);
  });

  it('gives only ranges that contain the position: after the last line, just the document', () => {
    assert.deepEqual(selectionSteps('name: a\n|'), ['name: a\n']);
    assert.deepEqual(selectionSteps('name: a\n\n|\nversion: 1\n'), ['name: a\n\n\nversion: 1', 'name: a\n\n\nversion: 1\n']);
  });

  it('gives the document where there is no node', () => {
    assert.deepEqual(selectionSteps('|'), ['']);
    assert.deepEqual(selectionSteps('# just a comment|\n'), ['# just a comment\n']);
  });

  it('answers each position, with every range inside its parent', () => {
    const { text } = withCaret(`${card}|`);
    const document = cardDocument(text);
    const positions: Position[] = Array.from({ length: document.lineCount }, (_, line) => ({ line, character: 3 }));
    const selections = createLanguageService().selectionRanges(document, positions);
    assert.equal(selections.length, positions.length);
    for (const selection of selections) {
      for (let current: SelectionRange | undefined = selection; current?.parent; current = current.parent) {
        const [inner, outer] = [current.range, current.parent.range].map(({ start, end }) => [document.offsetAt(start), document.offsetAt(end)]);
        assert.ok(outer[0] <= inner[0] && inner[1] <= outer[1] && (outer[0] < inner[0] || inner[1] < outer[1]));
      }
    }
  });

  it('keeps the innermost levels and the document on a deeply nested card', () => {
    // Each level is a mapping of two pairs, and adds two steps (the mapping, then the pair): 60 levels make more steps than are kept.
    const deep = `${Array.from({ length: 60 }, (_, level) => `${' '.repeat(level)}a${level}: 1\n${' '.repeat(level)}k${level}:`).join('\n')} le|af\n`;
    const steps = selectionSteps(deep);
    assert.equal(steps.length, maxSelectionDepth);
    assert.equal(steps[0], 'leaf');
    assert.equal(steps[steps.length - 1], withCaret(deep).text);
    const deeper = `${Array.from({ length: 3000 }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n')} le|af\n`;
    assert.ok(selectionSteps(deeper).length <= maxSelectionDepth);
  });
});
