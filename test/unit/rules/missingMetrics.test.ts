import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withoutMetrics = completeCard.replace(/metrics:\n(  .*\n)+/, '');

describe('MC002 missing-metrics', () => {
  it('is reported on the first key of a card without metrics, with an insert-key fix', () => {
    const diagnostic = onlyDiagnostic(withoutMetrics, 'MC002');
    assert.deepEqual(diagnostic.range, range(0, 0, 0, 4));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /^The card reports no metric results: add `metrics`/);
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['metrics'] });
  });

  it('gives an example metric that suits the task: WER for speech recognition, perplexity for language models, accuracy otherwise', () => {
    const example = (task: string) => /e\.g\. `([^`]+)`/.exec(onlyDiagnostic(`${withoutMetrics}task: ${task}\n`, 'MC002').message)?.[1];
    assert.equal(example('automatic-speech-recognition'), 'wer: 0.12');
    assert.equal(example('text-generation'), 'perplexity: 12.3');
    assert.equal(example('image-classification'), 'accuracy: 0.92');
    assert.match(onlyDiagnostic(withoutMetrics, 'MC002').message, /e\.g\. `accuracy: 0\.92`\.$/);
  });

  it('is not reported for metrics in the short form or the list form', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC002'), []);
    assert.deepEqual(diagnosticsWithCode(`${withoutMetrics}metrics: {accuracy: 0.9}\n`, 'MC002'), []);
  });

  it('is not fooled by a metrics key nested in another section', () => {
    const text = `${withoutMetrics}x-extra:\n  metrics: {accuracy: 0.9}\n`;
    assert.deepEqual(onlyDiagnostic(text, 'MC002').range, range(0, 0, 0, 4));
  });

  sharedRuleTests({ code: 'MC002', name: 'missing-metrics', defaultSeverity: DiagnosticSeverity.Error }, withoutMetrics);
});
