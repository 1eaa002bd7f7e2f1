import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { generateCard } from '../../bench/generateCard';
import { createLanguageService } from '../../server/src/service/languageService';
import { parseBounded } from '../../server/src/service/parsing/boundedParse';
import { yamlOptions } from '../../server/src/service/parsing/chunkedParse';
import { modelCard } from '../../server/src/service/kinds/modelCard';
import { parseCard } from '../../server/src/service/parsing/parseCard';
import type { ParsedCard, ParseProblem } from '../../server/src/service/parsing/parsedCard';
import { checkTree } from '../../server/src/service/parsing/treeChecks';
import { startingCards } from '../helpers/badInputs';
import { applyEdit, cardEdit, propertySeed, randomEdit, resolveCardEdit, resolveEdit, type CardEdit, type RandomEdit } from '../helpers/randomEdits';

/** A YAML node as the rules see it: kind, range, value, anchor and tag, and its items; comments left out. */
function shape(node: unknown): unknown {
  if (isPair(node)) return { key: shape(node.key), value: shape(node.value) };
  if (isAlias(node)) return { alias: node.source, range: node.range };
  if (isScalar(node)) return { scalar: node.value, type: node.type, range: node.range?.slice(0, 2), anchor: node.anchor, tag: node.tag };
  if (isMap(node) || isSeq(node)) {
    return { [isMap(node) ? 'map' : 'seq']: node.items.map(shape), flow: node.flow, range: node.range?.slice(0, 2), anchor: node.anchor, tag: node.tag };
  }
  return node ?? null;
}

/** The tree of `text` read whole by the YAML library (nesting cut at the depth limit, as every parse does). */
function wholeTree(text: string): unknown {
  return shape(parseBounded(text.replace(/\r(?!\n)/g, '\n'), yamlOptions)[0]?.contents);
}

const generated = generateCard(700, 11).text;
const cards = [
  ...startingCards().values(),
  generateCard(400, 7).text,
  generated,
  // Windows and old Mac line breaks, a document start marker, and anchors with their aliases in other sections.
  `---\r\n${generateCard(300, 5).text.replace(/\n/g, '\r\n')}`,
  generateCard(300, 3).text.replace(/\n/g, '\r'),
  `x-defaults: &defaults {level: 0.95}\n${generated.replace('limitations:\n', 'limitations:\n  - &caveat Not tested at night.\n')}x-copy: *defaults\nx-again: *caveat\n`,
  // A metrics mapping long enough to be read in runs of its entries.
  `name: Many metrics\nmetrics:\n${Array.from({ length: 600 }, (_, index) => `  metric_${index}: 0.${index % 90 + 10}\n`).join('')}limitations: none\n`,
  // Keys given twice at the top, in runs of a long mapping and deeper, and nesting too deep.
  `name: Twice\nmetrics:\n${Array.from({ length: 600 }, (_, index) => `  metric_${index % 450}: {value: 0.5, value: 0.6}\n`).join('')}x-deep: ${'['.repeat(120)}${']'.repeat(120)}\nname: again\n`,
];

/** What checkTree finds in the card read whole: duplicate keys, nesting too deep and broken aliases, in text order. */
function wholeTreeProblems(text: string): ParseProblem[] {
  return byPlace(checkTree(parseBounded(text.replace(/\r(?!\n)/g, '\n'), yamlOptions)[0]?.contents, text).problems);
}

function treeProblemsOf(card: ParsedCard): ParseProblem[] {
  return byPlace(card.problems.filter((problem) => problem.kind === 'duplicateKey' || /^The card nests more|^The alias/.test(problem.message)));
}

function byPlace(problems: readonly ParseProblem[]): ParseProblem[] {
  return [...problems].sort((a, b) => a.start - b.start || a.end - b.end || a.message.localeCompare(b.message));
}

/** Edits as people make them (most keep the card valid, so that it is read in chunks), and now and then random YAML fragments. */
const someEdit = fc.oneof({ arbitrary: cardEdit, weight: 9 }, { arbitrary: randomEdit, weight: 1 });

function edited(text: string, edits: (CardEdit | RandomEdit)[]): string {
  return edits.reduce((current, edit) => applyEdit(current, 'kind' in edit ? resolveCardEdit(current, edit) : resolveEdit(current, edit)), text);
}

describe('reading a card in chunks (property)', function () {
  this.timeout(300_000);

  it('reads every card as the YAML library reads it whole, also after random edits that reuse the chunks of the version before', () => {
    const property = fc.property(fc.constantFrom(...cards), fc.array(fc.array(someEdit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (card, versions) => {
      let text = card;
      let earlier = parseCard(TextDocument.create('file:///chunks.modelcard.yaml', 'modelcard', 1, text));
      assert.deepEqual(shape(earlier.yaml?.contents), wholeTree(text));
      versions.forEach((edits, index) => {
        text = edited(text, edits);
        const document = TextDocument.create('file:///chunks.modelcard.yaml', 'modelcard', index + 2, text);
        const incremental = parseCard(document, modelCard, earlier);
        const fresh = parseCard(document);
        assert.deepEqual(shape(incremental.yaml?.contents), wholeTree(text));
        assert.deepEqual(treeProblemsOf(incremental), wholeTreeProblems(text));
        assert.deepEqual({ ...incremental, document: undefined, yaml: undefined }, { ...fresh, document: undefined, yaml: undefined });
        earlier = incremental;
      });
    });
    fc.assert(property, { seed: propertySeed, numRuns: 150 });
  });

  it('gives the same diagnostics when edited version after version as when each version is read whole', () => {
    const property = fc.property(fc.constantFrom(...cards), fc.array(fc.array(someEdit, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 6 }), (card, versions) => {
      const uri = 'file:///chunks/edited.modelcard.yaml';
      const service = createLanguageService();
      let text = card;
      service.validate(TextDocument.create(uri, 'modelcard', 1, text));
      versions.forEach((edits, index) => {
        text = edited(text, edits);
        const document = TextDocument.create(uri, 'modelcard', index + 2, text);
        assert.deepEqual(service.validate(document), createLanguageService().validate(document));
      });
    });
    fc.assert(property, { seed: propertySeed, numRuns: 60 });
  });
});
