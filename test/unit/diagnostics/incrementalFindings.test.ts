import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { defaultSettings } from '../../../server/src/protocol';
import { createLanguageService } from '../../../server/src/service/languageService';
import { incrementalBasis, parseCard } from '../../../server/src/service/parsing/parseCard';
import { modelCard } from '../../../server/src/service/kinds/modelCard';

const uri = 'file:///incremental/card.modelcard.yaml';

/** A card whose metric list is long enough to be read in runs of items, with a placeholder and a YAML 1.1 boolean in every item. */
function longCard(items: number): string {
  const item = (index: number) => `  - name: accuracy\n    value: 0.${10 + (index % 89)}\n    slice: {region: r${index}}\n    description: TODO measure item ${index}\n    x-verified: yes\n`;
  return `name: Long\nmetrics:\n${Array.from({ length: items }, (_, index) => item(index)).join('')}limitations: TODO\n`;
}

/** Validates each text in turn on one service (incrementally), and each on a fresh service too. */
function validateInTurn(texts: string[]): { incremental: Diagnostic[]; fresh: Diagnostic[] }[] {
  const service = createLanguageService();
  return texts.map((text, index) => {
    const document = TextDocument.create(uri, 'modelcard', index + 1, text);
    return { incremental: service.validate(document, defaultSettings), fresh: createLanguageService().validate(document, defaultSettings) };
  });
}

describe('incremental validation', () => {
  const card = longCard(300);

  it('reuses the unchanged runs of a long list after an edit in one item', () => {
    const earlier = parseCard(TextDocument.create(uri, 'modelcard', 1, card));
    const edited = card.replace('item 150', 'item one hundred and fifty');
    const later = parseCard(TextDocument.create(uri, 'modelcard', 2, edited), modelCard, earlier);
    const reused = incrementalBasis(later)!.reused;
    const editAt = card.indexOf('item 150');
    assert.ok(reused.length > 5, `${reused.length} spans reused`);
    assert.ok(reused.every(({ from, length }) => editAt < from || editAt >= from + length), 'the edited run is read again');
  });

  it('gives what a fresh validation gives when an item is inserted before the others (their paths change)', () => {
    const inserted = card.replace('metrics:\n', 'metrics:\n  - name: recall\n    value: 0.5\n    description: TODO new\n');
    for (const { incremental, fresh } of validateInTurn([card, inserted, card])) {
      assert.deepEqual(incremental, fresh);
    }
    const [, second] = validateInTurn([card, inserted]);
    assert.ok(second.incremental.some((diagnostic) => String(diagnostic.message).includes('`metrics[151].description`')));
  });

  it('moves the findings below an edit that adds lines above them, and keeps those above in place', () => {
    const longer = card.replace('item 10\n', 'item 10\n    x-note: |\n      a\n      b\n');
    const [, { incremental, fresh }] = validateInTurn([card, longer]);
    assert.deepEqual(incremental, fresh);
    const last = incremental.filter((diagnostic) => diagnostic.code === 'MC043').at(-1)!;
    assert.equal(longer.split('\n')[last.range.start.line].slice(last.range.start.character, last.range.end.character), 'yes');
  });
});
