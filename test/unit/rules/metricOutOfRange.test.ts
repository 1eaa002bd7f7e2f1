import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt, withFix } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const asPercentage = completeCard.replace('    value: 0.92', '    value: 92');
const withInterval = completeCard.replace('    value: 0.92\n', '    value: 92.0\n    confidence_interval: {lower: 90.5, upper: 93.5, level: 0.95}\n');

/** The fixes a diagnostic offers, one or a choice of several. */
function fixesOf(data: unknown): { kind: string; title?: string; safe?: boolean }[] {
  const fix = data as { kind: string; fixes?: { kind: string }[] };
  return fix.kind === 'choices' ? fix.fixes! : [fix];
}

describe('MC022 metric-out-of-range', () => {
  it('underlines a percentage written as a rate, and offers the fraction or `unit: percent`', () => {
    const diagnostic = onlyDiagnostic(asPercentage, 'MC022');
    assert.deepEqual(diagnostic.range, range(7, 11, 7, 13));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, '`accuracy` is 92, outside [0, 1]. If it is a percentage, write 0.92, or say so with `unit: percent`.');
    assert.deepEqual(
      fixesOf(diagnostic.data).map((fix) => [fix.kind, fix.title, fix.safe]),
      [
        ['edits', 'Change to 0.92', true],
        ['insertKey', 'Mark it as a percentage (`unit: percent`)', undefined],
      ],
    );
  });

  it('rescales the confidence interval with the value, and quotes the value as written (92.0, not 92)', () => {
    const diagnostic = onlyDiagnostic(withInterval, 'MC022');
    assert.equal(diagnostic.message, '`accuracy` is 92.0, outside [0, 1]. If it is a percentage, write 0.92, or say so with `unit: percent`.');
    const rescale = { ...diagnostic, data: fixesOf(diagnostic.data)[0] };
    assert.equal(withFix(withInterval, rescale), completeCard.replace('    value: 0.92\n', '    value: 0.92\n    confidence_interval: {lower: 0.905, upper: 0.935, level: 0.95}\n'));
    const list = withInterval.replace('{lower: 90.5, upper: 93.5, level: 0.95}', '[90.5, 93.5]');
    const listFix = { ...onlyDiagnostic(list, 'MC022'), data: fixesOf(onlyDiagnostic(list, 'MC022').data)[0] };
    assert.equal(withFix(list, listFix), completeCard.replace('    value: 0.92\n', '    value: 0.92\n    confidence_interval: [0.905, 0.935]\n'));
  });

  it('accepts percentages marked `unit: percent` (MTEB, the Hub model-index), and checks them against [0, 100]', () => {
    const percent = asPercentage.replace('    value: 92\n', '    value: 92\n    unit: percent\n');
    assert.deepEqual(diagnosticsWithCode(percent, 'MC022'), []);
    const over = onlyDiagnostic(percent.replace('value: 92', 'value: 104.5'), 'MC022');
    assert.equal(over.message, '`accuracy` is 104.5, outside [0, 100] (it is a percentage: `unit: percent`).');
    assert.equal(over.data, undefined);
  });

  it('leaves values in other units alone (ms, GB), and uses a metric definition’s range and unit', () => {
    assert.deepEqual(diagnosticsWithCode(asPercentage.replace('    value: 92\n', '    value: 92\n    unit: ms\n'), 'MC022'), []);
    const defined = `${asPercentage}metric_definitions:\n  - name: accuracy\n    unit: percent\n`;
    assert.deepEqual(diagnosticsWithCode(defined, 'MC022'), []);
    const bleu = 'name: x\nmetrics:\n  - {name: bleu, value: 120, dataset: d}\nmetric_definitions:\n  - {name: bleu, range: [0, 100]}\n';
    const diagnostic = onlyDiagnostic(bleu, 'MC022');
    assert.equal(textAt(bleu, diagnostic.range), '120');
    assert.equal(diagnostic.message, '`bleu` is 120, outside its range [0, 100] in `metric_definitions`.');
  });

  it('checks the short form, on the value, whatever the spelling of the metric name; its fix rescales the value only', () => {
    const text = 'name: x\nmetrics:\n  F1-Score: 88.5\n  ROC AUC: 0.9\n  top_1_accuracy: 100\n';
    const diagnostics = diagnosticsWithCode(text, 'MC022');
    assert.deepEqual(diagnostics.map((d) => textAt(text, d.range)), ['88.5', '100']);
    assert.deepEqual(diagnostics.map((d) => fixesOf(d.data).map((fix) => fix.title)), [['Change to 0.885'], ['Change to 1']]);
    assert.equal(withFix(text, diagnostics[0]), text.replace('88.5', '0.885'));
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

  sharedRuleTests({ code: 'MC022', name: 'metric-out-of-range', defaultSeverity: DiagnosticSeverity.Error }, withInterval);
});
