import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const listWithoutDataset = completeCard.replace('    dataset: photos-test\n', '');

describe('MC020 result-without-data', () => {
  it('underlines the name of a list result without a dataset; with one declared dataset, the fix inserts it', () => {
    const diagnostic = onlyDiagnostic(listWithoutDataset, 'MC020');
    assert.deepEqual(diagnostic.range, range(6, 10, 6, 18));
    assert.equal(textAt(listWithoutDataset, diagnostic.range), 'accuracy');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, 'The `accuracy` result names no evaluation data: add `dataset:` with a name from `evaluation_data`.');
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['metrics', 0, 'dataset'], valueText: 'photos-test' });
  });

  it('quotes the dataset name in the fix when YAML would not read it back as written', () => {
    const text = listWithoutDataset.replace('  - name: photos-test', "  - name: 'yes'");
    assert.deepEqual(onlyDiagnostic(text, 'MC020').data, { kind: 'insertKey', path: ['metrics', 0, 'dataset'], valueText: "'yes'" });
  });

  it('offers no fix when several datasets are declared, or none', () => {
    const two = listWithoutDataset.replace('  - name: photos-test\n', '  - name: photos-test\n  - name: scans-test\n');
    assert.equal(onlyDiagnostic(two, 'MC020').data, undefined);
    const none = listWithoutDataset.replace(/evaluation_data:\n(  .*\n)+/, '');
    assert.equal(onlyDiagnostic(none, 'MC020').data, undefined);
  });

  it('reports each list result without a dataset, in flow style too', () => {
    const text = 'name: x\nmetrics:\n  - {name: f1, value: 0.9}\n  - {name: recall, value: 0.8, dataset: test}\n  - {name: auc, value: 0.7}\nevaluation_data: [{name: test}]\n';
    const diagnostics = diagnosticsWithCode(text, 'MC020');
    assert.deepEqual(diagnostics.map((d) => d.range), [range(2, 11, 2, 13), range(4, 11, 4, 14)]);
    assert.deepEqual(diagnostics.map((d) => (d.data as { path: unknown }).path), [['metrics', 0, 'dataset'], ['metrics', 2, 'dataset']]);
  });

  it('in the short form without evaluation_data, underlines the metrics key and offers to add the section', () => {
    const text = 'name: x\n# measured last week\nmetrics: # short form\n  accuracy: 0.92\n';
    const diagnostic = onlyDiagnostic(text, 'MC020');
    assert.deepEqual(diagnostic.range, range(2, 0, 2, 7));
    assert.equal(diagnostic.message, 'These metric results name no evaluation data: add `evaluation_data` to say what they were measured on.');
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['evaluation_data'] });
  });

  it('accepts the short form next to evaluation_data, as a list or as prose', () => {
    assert.deepEqual(diagnosticsWithCode('name: x\nmetrics: {accuracy: 0.92}\nevaluation_data: Held-out photos\n', 'MC020'), []);
    assert.deepEqual(diagnosticsWithCode('name: x\nmetrics: {accuracy: 0.92}\nevaluation_data: [{name: test}]\n', 'MC020'), []);
  });

  it('accepts list results that name their dataset, and cards without metrics', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC020'), []);
    assert.deepEqual(diagnosticsWithCode('name: x\n', 'MC020'), []);
  });

  sharedRuleTests({ code: 'MC020', name: 'result-without-data', defaultSeverity: DiagnosticSeverity.Warning }, listWithoutDataset);
});
