import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardTemplate, cardTemplates } from '../../../server/src/service/templates/cardTemplates';
import { fillTemplate } from '../../../server/src/service/templates/cardFile';
import { metricNames } from '../../../server/src/service/vocabulary/metricNames';
import { cardDocument, seedSample, withCaret } from '../../helpers/cards';

function completeAt(textWithCaret: string): CompletionList {
  const { text, position } = withCaret(textWithCaret);
  return createLanguageService().complete(cardDocument(text), position);
}

const labels = (list: CompletionList) => list.items.map((item) => item.label);

/** The text after accepting `item`, with snippet tab stops reduced to their default text. */
function accept(textWithCaret: string, item: CompletionItem): string {
  const { text } = withCaret(textWithCaret);
  const edit = item.textEdit as TextEdit;
  const plain = edit.newText.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([\\$}])/g, '$1');
  return TextDocument.applyEdits(TextDocument.create('file:///c.modelcard.yaml', 'modelcard', 1, text), [{ range: edit.range, newText: plain }]);
}

describe('completion', () => {
  it('offers the missing Mitchell sections at the top level of the seed sample, in schema order, without present keys', () => {
    const list = completeAt(`${seedSample}|`);
    const offered = labels(list);
    const missingSections = ['intended_use', 'factors', 'evaluation_data', 'training_data', 'quantitative_analyses', 'ethical_considerations', 'caveats_and_recommendations'];
    assert.deepEqual(offered.filter((label) => missingSections.includes(label)), missingSections);
    for (const present of ['name', 'version', 'metrics', 'limitations']) assert.ok(!offered.includes(present), `${present} not offered`);
    const sortTexts = list.items.map((item) => item.sortText!);
    assert.deepEqual([...sortTexts].sort(), sortTexts);
  });

  it('inserts a section as a skeleton snippet with tab stops at the card indentation', () => {
    const item = completeAt(`${seedSample}inte|`).items.find((candidate) => candidate.label === 'intended_use')!;
    assert.equal(item.insertTextFormat, 2);
    assert.equal(
      (item.textEdit as TextEdit).newText,
      'intended_use:\n  primary_uses:\n    - ${1:TODO what the model is for}\n  primary_users:\n    - ${2:TODO who the model is for}\n  out_of_scope:\n    - ${3:TODO what the model must not be used for}',
    );
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } });
    assert.equal(
      accept(`${seedSample}inte|`, item),
      `${seedSample}intended_use:\n  primary_uses:\n    - TODO what the model is for\n  primary_users:\n    - TODO who the model is for\n  out_of_scope:\n    - TODO what the model must not be used for`,
    );
  });

  it('follows the card layout: unindented lists, 4-space indentation', () => {
    const unindented = 'name: x\nowners:\n- a\n';
    const item = completeAt(`${unindented}lim|`).items.find((candidate) => candidate.label === 'limitations')!;
    assert.equal((item.textEdit as TextEdit).newText, 'limitations:\n- ${1:TODO a known failure mode}');
    const twoSpaces = completeAt('name: x\nfac|').items.find((candidate) => candidate.label === 'factors')!;
    assert.equal((twoSpaces.textEdit as TextEdit).newText, 'factors:\n  relevant:\n    - ${1:TODO factor}\n  evaluation:\n    - name: ${2:TODO factor}\n      values:\n        - ${3:TODO value}');
    const fourSpaces = 'name: x\nowners:\n    - a\nenvironment:\n    hardware: gpu\n';
    const factors = completeAt(`${fourSpaces}fac|`).items.find((candidate) => candidate.label === 'factors')!;
    assert.equal((factors.textEdit as TextEdit).newText, 'factors:\n    relevant:\n        - ${1:TODO factor}\n    evaluation:\n        - name: ${2:TODO factor}\n          values:\n              - ${3:TODO value}');
  });

  it('offers the keys of a nested mapping and of a list item mapping', () => {
    assert.deepEqual(labels(completeAt('name: x\nintended_use:\n  primary_uses: [a]\n  |\n')), ['primary_users', 'out_of_scope', 'secondary_uses', 'benefits']);
    assert.deepEqual(labels(completeAt('name: x\nmetrics:\n  - name: accuracy\n    value: 0.9\n    |\n')), ['unit', 'dataset', 'slice', 'across', 'model', 'threshold', 'confidence_interval', 'acceptance', 'description', 'source']);
    assert.deepEqual(labels(completeAt('name: x\nmetrics:\n  - |\n')), ['name', 'value', 'unit', 'dataset', 'slice', 'across', 'model', 'threshold', 'confidence_interval', 'acceptance', 'description', 'source']);
  });

  it('offers enum values with their meaning, replacing what is typed', () => {
    const list = completeAt('name: x\ngovernance:\n  status: in|\n');
    assert.deepEqual(labels(list), ['draft', 'in_review', 'approved', 'published', 'archived']);
    assert.equal(list.items[1].detail, 'Submitted for review.');
    assert.deepEqual((list.items[1].textEdit as TextEdit).range, { start: { line: 2, character: 10 }, end: { line: 2, character: 12 } });
  });

  it('offers Hugging Face pipeline tags and licence ids, narrowing long vocabularies by what is typed', () => {
    assert.equal(completeAt('name: x\ntask: |\n').items.length, 57);
    assert.equal(completeAt('name: x\ntask: |\n').items.find((item) => item.label === 'text-classification')?.detail, 'Text Classification · Hugging Face pipeline tag (nlp)');
    const licences = completeAt('name: x\nlicense: apa|\n');
    assert.equal(licences.isIncomplete, true);
    assert.deepEqual(labels(licences).slice(0, 1), ['apache-2.0']);
    assert.ok(labels(licences).includes('Apache-2.0'));
  });

  it('offers ISO 639 language codes in a block list and inside a flow list, quoting the YAML 1.1 trap `no`', () => {
    assert.ok(labels(completeAt('name: x\nlanguage:\n  - e|\n')).includes('en'));
    const flow = completeAt('name: x\nlanguage: [en, fr|]\n');
    assert.equal(labels(flow)[0], 'fr');
    assert.deepEqual((flow.items[0].textEdit as TextEdit).range, { start: { line: 1, character: 15 }, end: { line: 1, character: 17 } });
    const norwegian = completeAt('name: x\nlanguage: no|\n').items.find((item) => item.label === 'no')!;
    assert.equal((norwegian.textEdit as TextEdit).newText, "'no'");
  });

  it("offers the card's own datasets for a result's dataset, and its factors and their values in a slice", () => {
    const card = 'name: x\nevaluation_data:\n  - name: celeba-test\nfactors:\n  evaluation:\n    - name: age\n      values: [young, old]\nmetrics:\n  - name: fpr\n';
    assert.deepEqual(labels(completeAt(`${card}    dataset: |\n`)), ['celeba-test']);
    assert.deepEqual(labels(completeAt(`${card}    slice: {age: |}\n`)), ['young', 'old']);
    assert.deepEqual(labels(completeAt(`${card}    slice: {|}\n`)), []);
    assert.deepEqual(labels(completeAt(`${card}    slice: |\n`)), ['overall', 'age']);
  });

  it("offers the card's variants for a result's model, its factors for across, and the units and operators with their meaning", () => {
    const card = 'name: x\nvariants:\n  - name: tiny\n  - name: large-v2\nfactors:\n  evaluation: [gender, age]\nmetrics:\n  - name: wer\n';
    assert.deepEqual(labels(completeAt(`${card}    model: |\n`)), ['tiny', 'large-v2']);
    assert.deepEqual(labels(completeAt(`${card}    across: |\n`)), ['gender', 'age']);
    assert.deepEqual(labels(completeAt(`${card}    across: [gender, |]\n`)), ['gender', 'age']);
    const units = completeAt(`${card}    unit: |\n`);
    assert.deepEqual(labels(units), ['fraction', 'percent']);
    assert.equal(units.items[1].detail, 'A percentage, between 0 and 100.');
    const operators = completeAt(`${card}    acceptance: {threshold: 0.8, operator: |}\n`);
    assert.deepEqual(labels(operators), ['>=', '>', '<=', '<', '==']);
    assert.equal((operators.items[0].textEdit as TextEdit).newText, "'>='");
  });

  describe('keys of the short-form metrics map', () => {
    const card = 'name: x\nmetrics:\n  accuracy: 0.92\n  precision_street_female_12: 0.81\n';
    const item = (textWithCaret: string, label: string) => completeAt(textWithCaret).items.find((candidate) => candidate.label === label)!;
    const commonNames = metricNames.map((term) => term.id);

    it('offers the common metric names on a new line of the map, without the keys already there, adding the colon', () => {
      const list = completeAt(`${card}  |\n`);
      assert.deepEqual(labels(list), commonNames.filter((name) => name !== 'accuracy'));
      assert.equal(list.items.find((candidate) => candidate.label === 'recall')!.detail, 'Share of positives that are found · metric');
      assert.deepEqual((item(`${card}  |\n`, 'recall').textEdit as TextEdit).range, { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } });
      assert.equal(accept(`${card}  |\n`, item(`${card}  |\n`, 'recall')), `${card}  recall: \n`);
      const sortTexts = list.items.map((candidate) => candidate.sortText!);
      assert.deepEqual([...sortTexts].sort(), sortTexts);
    });

    it('replaces the whole word under the cursor, keeping the colon and value of a key being renamed', () => {
      const typed = `${card}  rec|\n`;
      assert.deepEqual((item(typed, 'recall').textEdit as TextEdit).range, { start: { line: 4, character: 2 }, end: { line: 4, character: 5 } });
      assert.equal(accept(typed, item(typed, 'recall')), `${card}  recall: \n`);
      const inside = 'name: x\nmetrics:\n  accuracy: 0.92\n  rec|all_street: 0.81\n';
      assert.deepEqual((item(inside, 'f1').textEdit as TextEdit).range, { start: { line: 3, character: 2 }, end: { line: 3, character: 15 } });
      assert.equal(accept(inside, item(inside, 'f1')), 'name: x\nmetrics:\n  accuracy: 0.92\n  f1: 0.81\n');
    });

    it('at the start of a key (where the bench asks), offers that key among the others and replaces it', () => {
      const atStart = 'name: x\nmetrics:\n  accuracy: 0.92\n  |recall: 0.81\n  f1: 0.7\n';
      const offered = labels(completeAt(atStart));
      assert.ok(offered.includes('recall') && !offered.includes('accuracy') && !offered.includes('f1'), offered.join(', '));
      assert.deepEqual((item(atStart, 'precision').textEdit as TextEdit).range, { start: { line: 3, character: 2 }, end: { line: 3, character: 8 } });
      assert.equal(accept(atStart, item(atStart, 'precision')), 'name: x\nmetrics:\n  accuracy: 0.92\n  precision: 0.81\n  f1: 0.7\n');
    });

    it('offers the metrics the card defines and monitors first', () => {
      const defined = 'name: x\nmetric_definitions:\n  - name: top5_error\n    range: [0, 1]\nmonitoring:\n  monitors:\n    - kind: performance\n      metric: accuracy\n    - kind: performance\n      metric: ece\nmetrics:\n  accuracy: 0.92\n  |\n';
      const list = completeAt(defined);
      assert.deepEqual(labels(list).slice(0, 3), ['top5_error', 'ece', 'balanced_accuracy']);
      assert.deepEqual(list.items.slice(0, 2).map((candidate) => candidate.detail), ['defined in this card', 'watched by a monitor in this card']);
    });

    it('keeps CRLF line endings and replaces only on the cursor line', () => {
      const crlf = 'name: x\r\nmetrics:\r\n  accuracy: 0.92\r\n  rec|all_x: 0.5\r\n  f1: 0.7\r\n';
      const recall = item(crlf, 'recall');
      assert.deepEqual((recall.textEdit as TextEdit).range, { start: { line: 3, character: 2 }, end: { line: 3, character: 10 } });
      assert.equal(accept(crlf, recall), 'name: x\r\nmetrics:\r\n  accuracy: 0.92\r\n  recall: 0.5\r\n  f1: 0.7\r\n');
      const newLine = 'name: x\r\nmetrics:\r\n  accuracy: 0.92\r\n  |\r\n';
      assert.equal(accept(newLine, item(newLine, 'recall')), 'name: x\r\nmetrics:\r\n  accuracy: 0.92\r\n  recall: \r\n');
    });

    it('offers the names in a flow map too, without the keys before the cursor', () => {
      const flow = 'name: x\nmetrics: {accuracy: 0.92, |}\n';
      assert.deepEqual(labels(completeAt(flow)), commonNames.filter((name) => name !== 'accuracy'));
      assert.equal(accept(flow, item(flow, 'f1')), 'name: x\nmetrics: {accuracy: 0.92, f1: }\n');
    });

    it('offers no metric names as keys beside a list of results', () => {
      assert.deepEqual(labels(completeAt('name: x\nmetrics:\n  - name: accuracy\n    value: 0.9\n  |\n')), []);
    });
  });

  it('finds the list item under the cursor past comments, commented-out items, blank lines and nested lists', () => {
    const card = [
      'name: x',
      'metrics:',
      '  - name: accuracy',
      '    value: 0.9',
      '    unit: fraction',
      '    across:',
      '      - age',
      '  # - name: old',
      '  #   value: 0.1',
      '',
      '  - name: fpr',
      '    dataset: test',
      '  - name: fnr  # the last one',
      '    value: 0.2',
      '',
      '    # slices below',
      '    slice: {age: young}',
      '    |',
      '',
    ].join('\n');
    assert.deepEqual(labels(completeAt(card)), ['unit', 'dataset', 'across', 'model', 'threshold', 'confidence_interval', 'acceptance', 'description', 'source']);
  });

  it('offers the remaining keys inside a flow mapping', () => {
    assert.deepEqual(labels(completeAt('name: x\nmetrics:\n  - name: fpr\n    confidence_interval: {lower: 0.1, |}\n')), ['upper', 'level']);
  });

  it('offers the card templates as starter cards on an empty document, the model name their first tab stop', () => {
    const list = completeAt('|');
    assert.deepEqual(labels(list), cardTemplates.map((template) => `Model card (${template.label})`));
    const standard = list.items[cardTemplates.findIndex((template) => template.id === 'standard')];
    assert.equal(accept('|', standard), fillTemplate(cardTemplate('standard')!.text, 'Model name'));
    assert.ok((standard.textEdit as TextEdit).newText.startsWith('# '));
    assert.ok((standard.textEdit as TextEdit).newText.includes('name: ${1:Model name}\n'));
  });

  it('replaces only on the line of the cursor after a lone \\r line break (old Mac files)', () => {
    const text = 'name: x\nxxxx\r';
    const list = createLanguageService().complete(cardDocument(text), { line: 2, character: 0 });
    assert.ok(list.items.length > 0);
    for (const item of list.items) assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, String(item.label));
    const typed = createLanguageService().complete(cardDocument('name: x\rlimi'), { line: 1, character: 4 });
    assert.deepEqual((typed.items.find((item) => item.label === 'limitations')!.textEdit as TextEdit).range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  });

  it('offers nothing inside comments and block scalars', () => {
    assert.deepEqual(labels(completeAt('name: x # a comm|\n')), []);
    assert.deepEqual(labels(completeAt('description: |\n  some text |\n')), []);
  });

  it('answers from the cached parse: completion and hover do not parse again', () => {
    const service = createLanguageService();
    const document = cardDocument(seedSample);
    service.validate(document);
    for (let line = 0; line < 5; line++) {
      service.complete(document, { line, character: 2 });
      service.hover(document, { line, character: 2 });
    }
    assert.equal(service.parseCount, 1);
  });
});
