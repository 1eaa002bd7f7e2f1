import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { documentSymbols, maxDocumentSymbols, maxSymbolDepth } from '../../../server/src/service/features/documentSymbols';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardDocument } from '../../helpers/cards';

const kindNames = new Map(Object.entries(SymbolKind).map(([name, kind]) => [kind, name]));
const at = ({ start, end }: Range) => `${start.line}:${start.character}-${end.line}:${end.character}`;

/** The outline as lines: indentation for depth, then name, kind, range and selection range (and detail). */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.name} ${kindNames.get(symbol.kind)} ${at(symbol.range)} @${at(symbol.selectionRange)}${symbol.detail ? ` = ${symbol.detail}` : ''}`,
    ...outline(symbol.children ?? [], depth + 1),
  ]);
}

function symbolsOf(text: string): DocumentSymbol[] {
  return createLanguageService().documentSymbols(cardDocument(text));
}

function countSymbols(symbols: DocumentSymbol[]): number {
  let count = 0;
  const pending = [...symbols];
  while (pending.length > 0) {
    count++;
    pending.push(...(pending.pop()!.children ?? []));
  }
  return count;
}

describe('document symbols (outline)', () => {
  it('lists sections, then their entries, with the whole entry as range and the key as selection', () => {
    const card = `name: Demo
owners:
  - name: Ana
    role: developer
  - Bob
environment: {hardware: gpu, hours: 12}
`;
    assert.deepEqual(outline(symbolsOf(card)), [
      'name String 0:0-0:10 @0:0-0:4 = Demo',
      'owners Module 1:0-4:7 @1:0-1:6',
      '  Ana Object 2:4-3:19 @2:10-2:13',
      '    name String 2:4-2:13 @2:4-2:8 = Ana',
      '    role String 3:4-3:19 @3:4-3:8 = developer',
      '  Bob String 4:4-4:7 @4:4-4:7',
      'environment Module 5:0-5:39 @5:0-5:11',
      '  hardware String 5:14-5:27 @5:14-5:22 = gpu',
      '  hours Number 5:29-5:38 @5:29-5:34 = 12',
    ]);
  });

  it('names metric results by metric and slice, reviews by reviewer, changes by version, and others by position', () => {
    const card = `metrics:
  - name: false_positive_rate
    value: 0.12
    slice: {age: old, gender: male}
  - name: accuracy
    value: 0.9
    slice: overall
governance:
  reviews:
    - reviewer: Eve
      decision: approved
  changelog:
    - {version: '1', changes: First}
    - changes: Second
`;
    const symbols = symbolsOf(card);
    const names = (symbol: DocumentSymbol) => symbol.children!.map((child) => `${child.name}${child.detail ? ` = ${child.detail}` : ''}`);
    assert.deepEqual(names(symbols[0]), ['false_positive_rate (age: old, gender: male) = 0.12', 'accuracy (overall) = 0.9']);
    assert.deepEqual(at(symbols[0].children![0].selectionRange), '1:10-1:29');
    const [reviews, changelog] = symbols[1].children!;
    assert.deepEqual(names(reviews), ['Eve']);
    assert.deepEqual(names(changelog), ['1', '[1]']);
  });

  it('stops after the symbol limit and says so in a last top-level symbol', () => {
    const card = "name: x\nversion: '1'\nlimitations:\n  - a\n  - b\nmetrics: {accuracy: 0.9}\n";
    const service = createLanguageService();
    const parsed = service.parse(cardDocument(card));
    assert.deepEqual(outline(documentSymbols(parsed, 3)), [
      'name String 0:0-0:7 @0:0-0:4 = x',
      'version String 1:0-1:12 @1:0-1:7 = 1',
      'limitations Module 2:0-4:5 @2:0-2:11',
      'Outline truncated: only the first 3 entries are listed Null 3:4-6:0 @3:4-3:4',
    ]);
    const manyItems = `name: x\nlimitations:\n${Array.from({ length: maxDocumentSymbols + 100 }, (_, index) => `  - failure ${index}\n`).join('')}`;
    const symbols = symbolsOf(manyItems);
    assert.equal(countSymbols(symbols), maxDocumentSymbols + 1);
    assert.equal(symbols[symbols.length - 1].name, `Outline truncated: only the first ${maxDocumentSymbols} entries are listed`);
    assert.equal(symbols[1].children!.length, maxDocumentSymbols - 2);
  });

  it('stays bounded in depth on deeply nested cards, and can be sent as JSON', () => {
    const nested = (depth: number) => `${Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n')} leaf\n`;
    let symbols = symbolsOf(nested(300));
    let depth = 0;
    for (; symbols.length > 0; depth++) symbols = symbols[0].children ?? [];
    assert.equal(depth, maxSymbolDepth);
    assert.doesNotThrow(() => JSON.stringify(symbolsOf(nested(3000))));
    assert.doesNotThrow(() => JSON.stringify(symbolsOf(`name: x\nx-deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)));
  });

  it('gives nothing for text that is not a card, and never an empty name', () => {
    assert.deepEqual(symbolsOf(''), []);
    assert.deepEqual(symbolsOf('- a\n- b\n'), []);
    assert.deepEqual(outline(symbolsOf("'': x\ntags: ['']\n")), ["\"\" String 0:0-0:5 @0:0-0:2 = x", 'tags Module 1:0-1:10 @1:0-1:4', '  "" String 1:7-1:9 @1:7-1:9']);
  });
});
