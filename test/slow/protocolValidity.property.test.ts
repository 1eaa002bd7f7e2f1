import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { startingCards } from '../helpers/badInputs';
import { protocolProblems } from '../helpers/protocolValidity';
import { applyEdit, propertySeed, randomEdit, resolveEdit } from '../helpers/randomEdits';
import { lspLines } from '../helpers/ranges';

type Provider = (service: LanguageService, document: TextDocument, positions: Position[]) => unknown;

/** Every provider, by the LSP method it answers, called as the server calls it: at each position, or once. */
const providers: Record<string, Provider> = {
  'textDocument/completion': (service, document, positions) => positions.map((position) => service.complete(document, position)),
  'textDocument/hover': (service, document, positions) => positions.map((position) => service.hover(document, position)),
  'textDocument/selectionRange': (service, document, positions) => service.selectionRanges(document, positions),
  'textDocument/documentSymbol': (service, document) => service.documentSymbols(document),
  'textDocument/foldingRange': (service, document) => service.foldingRanges(document),
  'textDocument/codeAction': (service, document) => service.codeActions(document, { diagnostics: service.validate(document) }),
  'modelcard/governanceEdits': (service, document) => service.governanceEdits(document, { status: 'approved', review: { reviewer: 'Ada', decision: 'approved', date: '2024-05-01' } }),
  'textDocument/publishDiagnostics': (service, document) => service.validate(document),
};

/** Providers asked about one position at a time. */
const perPosition = ['textDocument/completion', 'textDocument/hover'];

/** A position as a fraction of the lines, and of its line's length: often a line's start or end, where line breaks matter. */
const randomPosition = fc.record({
  line: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  character: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
});

/**
 * The positions, as a client sends them (LSP lines end at \n, \r\n or \r), then the start and
 * end of every line, where the line breaks matter most.
 */
function positionsAt(text: string, positions: { line: number; character: number }[]): Position[] {
  const lines = lspLines(text);
  const chosen = positions.map(({ line, character }) => {
    const index = Math.floor(line * lines.length);
    return { line: index, character: Math.floor(character * lines[index].length) };
  });
  return [...chosen, ...lines.flatMap((line, index) => [{ line: index, character: 0 }, { line: index, character: line.length }])];
}

describe('protocol-valid results of every provider on random documents and positions (property)', function () {
  this.timeout(180_000);
  const cards = [...startingCards().values()];

  for (const [method, provide] of Object.entries(providers)) {
    it(method, () => {
      const property = fc.property(
        fc.constantFrom(...cards),
        // Line breaks as Unix, Windows and old Mac files write them.
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(randomEdit, { maxLength: 10 }),
        fc.array(randomPosition, { minLength: 1, maxLength: 4 }),
        (card, lineBreak, edits, randomPositions) => {
          const text = edits.reduce((current, edit) => applyEdit(current, resolveEdit(current, edit)), card.replace(/\r?\n/g, lineBreak));
          const document = TextDocument.create('file:///random/valid.modelcard.yaml', 'modelcard', 1, text);
          const positions = positionsAt(text, randomPositions);
          const result = JSON.parse(JSON.stringify(provide(createLanguageService(), document, positions)) ?? 'null');
          const answers: [unknown, Position[]][] = perPosition.includes(method) ? positions.map((position, index) => [result[index], [position]]) : [[result, positions]];
          for (const [answer, asked] of answers) assert.deepEqual(protocolProblems(method, answer, text, asked), []);
        },
      );
      fc.assert(property, { seed: propertySeed, numRuns: 120 });
    });
  }
});
