import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt, withFix } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC014 invalid-format', () => {
  it('underlines a date that is not YYYY, YYYY-MM or YYYY-MM-DD, and offers its ISO form when it can be read without guessing', () => {
    const text = "name: x\ndate: '2024/06/30'\n";
    const diagnostic = onlyDiagnostic(text, 'MC014');
    assert.deepEqual(diagnostic.range, range(1, 6, 1, 18));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, '`date` must be a date written YYYY, YYYY-MM or YYYY-MM-DD: write `2024-06-30`.');
    assert.equal(withFix(text, diagnostic), "name: x\ndate: '2024-06-30'\n");
    const month = 'name: x\ndate: September 2022\n';
    assert.equal(withFix(month, onlyDiagnostic(month, 'MC014')), "name: x\ndate: '2022-09'\n");
    const unreadable = onlyDiagnostic('name: x\ndate: last spring\n', 'MC014');
    assert.equal(unreadable.message, '`date` must be a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2022, 2022-09 or 2022-09-30).');
    assert.equal(unreadable.data, undefined);
  });

  it('accepts a year, a month or a day, quoted or not, in the card, its reviews and its changelog', () => {
    for (const date of ["'2024-06-30'", '2024-06-30', '2019-11', "'2018'", '2018', '2024-06-30T12:00:00Z']) {
      const text = `name: x\ndate: ${date}\ngovernance:\n  reviews:\n    - {reviewer: A, decision: approved, date: ${date}}\n  changelog:\n    - {date: ${date}, changes: x}\n`;
      assert.deepEqual(diagnosticsWithCode(text, 'MC014'), [], date);
    }
  });

  it('refuses a month that does not exist and a number that is not a year', () => {
    assert.equal(onlyDiagnostic('name: x\ndate: 2019-13\n', 'MC014').range.start.line, 1);
    assert.equal(onlyDiagnostic('name: x\ndate: 20\n', 'MC014').message, '`date` must be at least 1000.');
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
    assert.equal(level.message, '`metrics[0].confidence_interval.level` is a share between 0 and 1: did you mean 0.95?');
    const text = 'name: x\nmetrics:\n  - name: f1\n    value: 0.9\n    confidence_interval: {lower: 0.8, upper: 0.95, level: 95}\n';
    assert.equal(withFix(text, level), text.replace('level: 95', 'level: 0.95'));
    assert.equal(onlyDiagnostic(text.replace('level: 95', 'level: 1'), 'MC014').message, '`metrics[0].confidence_interval.level` must be less than 1.');
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
