import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC014 invalid-format', () => {
  it('underlines a date that is not ISO 8601 and says what is expected', () => {
    const diagnostic = onlyDiagnostic("name: x\ndate: '2024/06/30'\n", 'MC014');
    assert.deepEqual(diagnostic.range, range(1, 6, 1, 18));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, '`date` is not in the expected form. When this version of the model was released or trained (ISO 8601, YYYY-MM-DD).');
  });

  it('accepts ISO dates, quoted or not', () => {
    assert.deepEqual(diagnosticsWithCode("name: x\ndate: '2024-06-30'\n", 'MC014'), []);
  });

  it('reports an empty list where at least one item is needed', () => {
    const text = 'name: x\nowners: []\n';
    const diagnostic = onlyDiagnostic(text, 'MC014');
    assert.deepEqual(diagnostic.range, range(1, 8, 1, 10));
    assert.equal(diagnostic.message, '`owners` is an empty list: add at least one item, or remove the key.');
  });

  it('reports an empty short-form metrics mapping', () => {
    const diagnostic = onlyDiagnostic('name: x\nmetrics: {}\n', 'MC014');
    assert.deepEqual(diagnostic.range, range(1, 9, 1, 11));
    assert.equal(diagnostic.message, '`metrics` is empty: add at least one entry, or remove the key.');
  });

  it('reports a metric name that does not start with a letter once, on the key', () => {
    const text = "name: x\nmetrics:\n  '1st_score': 0.5\n  accuracy: 0.9\n";
    const diagnostic = onlyDiagnostic(text, 'MC014');
    assert.equal(textAt(text, diagnostic.range), "'1st_score'");
    assert.equal(diagnostic.message, '`1st_score` is not a valid key in `metrics`.');
  });

  it('reports a confidence interval that is not a pair, and a level outside (0, 1)', () => {
    const pair = onlyDiagnostic('name: x\nmetrics:\n  - name: f1\n    value: 0.9\n    confidence_interval: [0.8]\n', 'MC014');
    assert.deepEqual(pair.range, range(4, 25, 4, 30));
    assert.equal(pair.message, '`metrics[0].confidence_interval` needs at least 2 items.');
    const level = onlyDiagnostic('name: x\nmetrics:\n  - name: f1\n    value: 0.9\n    confidence_interval: {lower: 0.8, upper: 0.95, level: 95}\n', 'MC014');
    assert.equal(level.message, '`metrics[0].confidence_interval.level` must be less than 1.');
  });

  it('reports a negative number of training hours', () => {
    assert.equal(onlyDiagnostic('name: x\nenvironment:\n  hours: -3\n', 'MC014').message, '`environment.hours` must be at least 0.');
  });

  it('leaves empty text to the empty-value rule', () => {
    assert.deepEqual(diagnosticsWithCode("name: ''\n", 'MC014'), []);
    assert.equal(diagnosticsWithCode("name: ''\n", 'MC031').length, 1);
  });

  it('accepts a complete card', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC014'), []);
  });

  sharedRuleTests({ code: 'MC014', name: 'invalid-format', defaultSeverity: DiagnosticSeverity.Error }, `${completeCard}date: 2024/06/30\n`);
});
