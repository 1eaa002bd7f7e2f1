import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const misspelt = completeCard.replace('    dataset: photos-test', '    dataset: photo-test');

describe('MC021 undeclared-dataset', () => {
  it('underlines a dataset that evaluation_data does not describe and suggests the closest declared one', () => {
    const diagnostic = onlyDiagnostic(misspelt, 'MC021');
    assert.deepEqual(diagnostic.range, range(8, 13, 8, 23));
    assert.equal(textAt(misspelt, diagnostic.range), 'photo-test');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, 'Dataset `photo-test` is not described in `evaluation_data`. Did you mean `photos-test`?');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Change to `photos-test`', newText: 'photos-test' });
  });

  it('asks to describe a dataset nothing is close to, with no fix', () => {
    const text = completeCard.replace('    dataset: photos-test', '    dataset: imagenet-val');
    const diagnostic = onlyDiagnostic(text, 'MC021');
    assert.equal(diagnostic.message, 'Dataset `imagenet-val` is not described in `evaluation_data`: add it there with its source and composition.');
    assert.equal(diagnostic.data, undefined);
  });

  it('accepts datasets described under evaluation_data or training_data', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC021'), []);
    const onTraining = `${completeCard.replace('    dataset: photos-test', '    dataset: photos-train')}training_data:\n  - name: photos-train\n`;
    assert.deepEqual(diagnosticsWithCode(onTraining, 'MC021'), []);
  });

  it('says nothing when the datasets are described in prose', () => {
    const text = completeCard.replace(/evaluation_data:\n(  .*\n)+/, 'evaluation_data: A held-out tenth of the photos\n');
    assert.deepEqual(diagnosticsWithCode(text, 'MC021'), []);
  });

  it('leaves a placeholder dataset to the placeholder rule', () => {
    const text = completeCard.replace('    dataset: photos-test', '    dataset: TBD');
    assert.deepEqual(diagnosticsWithCode(text, 'MC021'), []);
    assert.equal(diagnosticsWithCode(text, 'MC030').length, 1);
  });

  it('works in flow style', () => {
    const text = 'name: x\nmetrics: [{name: f1, value: 0.9, dataset: tst}]\nevaluation_data: [{name: test}]\n';
    const diagnostic = onlyDiagnostic(text, 'MC021');
    assert.equal(textAt(text, diagnostic.range), 'tst');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Change to `test`', newText: 'test' });
  });

  sharedRuleTests({ code: 'MC021', name: 'undeclared-dataset', defaultSeverity: DiagnosticSeverity.Warning }, misspelt);
});
