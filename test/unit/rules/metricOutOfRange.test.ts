import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const asPercentage = completeCard.replace('    value: 0.92', '    value: 92');

describe('MC022 metric-out-of-range', () => {
  it('underlines a percentage written as a rate, and offers the fraction', () => {
    const diagnostic = onlyDiagnostic(asPercentage, 'MC022');
    assert.deepEqual(diagnostic.range, range(7, 11, 7, 13));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, '`accuracy` is 92, outside [0, 1]. If it is a percentage, write 0.92.');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Change to 0.92', newText: '0.92' });
  });

  it('checks the short form, on the value, whatever the spelling of the metric name', () => {
    const text = 'name: x\nmetrics:\n  F1-Score: 88.5\n  ROC AUC: 0.9\n  top_1_accuracy: 100\n';
    const diagnostics = diagnosticsWithCode(text, 'MC022');
    assert.deepEqual(diagnostics.map((d) => textAt(text, d.range)), ['88.5', '100']);
    assert.deepEqual(diagnostics.map((d) => d.data), [
      { kind: 'replace', title: 'Change to 0.885', newText: '0.885' },
      { kind: 'replace', title: 'Change to 1', newText: '1' },
    ]);
  });

  it('offers no fix for a value that cannot be a percentage', () => {
    const text = 'name: x\nmetrics: {auc: -0.1, recall: 150}\n';
    const diagnostics = diagnosticsWithCode(text, 'MC022');
    assert.deepEqual(diagnostics.map((d) => [textAt(text, d.range), d.message, d.data]), [
      ['-0.1', '`auc` is -0.1, outside [0, 1].', undefined],
      ['150', '`recall` is 150, outside [0, 1].', undefined],
    ]);
  });

  it('accepts metrics that are not rates outside [0, 1]: mcc, rmse, loss, perplexity', () => {
    const text = 'name: x\nmetrics:\n  mcc: -0.3\n  rmse: 4.2\n  loss: 1.7\n  perplexity: 12.5\n';
    assert.deepEqual(diagnosticsWithCode(text, 'MC022'), []);
  });

  it('accepts the bounds 0 and 1, and leaves text values to wrong-type', () => {
    assert.deepEqual(diagnosticsWithCode('name: x\nmetrics: {accuracy: 1, precision: 0}\n', 'MC022'), []);
    assert.deepEqual(diagnosticsWithCode("name: x\nmetrics: {accuracy: '92'}\n", 'MC022'), []);
  });

  sharedRuleTests({ code: 'MC022', name: 'metric-out-of-range', defaultSeverity: DiagnosticSeverity.Error }, asPercentage);
});
