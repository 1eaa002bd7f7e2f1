import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt, withFix } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const monitored = (metric: string) => `${completeCard}monitoring:\n  monitors:\n    - kind: performance\n      metric: ${metric}\n      threshold: 0.85\n`;

describe('MC086 monitoring-unknown-metric', () => {
  it('underlines a monitored metric the card does not report, and offers the closest reported one', () => {
    const text = monitored('acuracy');
    const diagnostic = onlyDiagnostic(text, 'MC086');
    assert.deepEqual(diagnostic.range, range(16, 14, 16, 21));
    assert.equal(textAt(text, diagnostic.range), 'acuracy');
    assert.equal(diagnostic.message, 'The monitor watches `acuracy`, which the card does not report (its metrics are `accuracy`). Did you mean `accuracy`?');
    assert.equal(withFix(text, diagnostic), monitored('accuracy'));
  });

  it('says when the card reports no metrics at all', () => {
    const text = monitored('recall').replace('metrics:\n  - name: accuracy\n    value: 0.92\n    dataset: photos-test\n', '');
    assert.equal(onlyDiagnostic(text, 'MC086').message, 'The monitor watches `recall`, which the card does not report (it reports no metrics).');
  });

  it('accepts monitors of reported metrics and monitors without a metric (drift)', () => {
    assert.deepEqual(diagnosticsWithCode(monitored('accuracy'), 'MC086'), []);
    assert.deepEqual(diagnosticsWithCode(`${completeCard}monitoring:\n  monitors:\n    - {kind: input_drift, feature: brightness, statistic: psi, threshold: 0.2}\n`, 'MC086'), []);
  });

  sharedRuleTests({ code: 'MC086', name: 'monitoring-unknown-metric', defaultSeverity: DiagnosticSeverity.Warning }, monitored('acuracy'));
});
