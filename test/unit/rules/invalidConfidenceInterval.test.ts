import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withInterval = (interval: string): string => completeCard.replace('    dataset: photos-test\n', `    dataset: photos-test\n    confidence_interval: ${interval}\n`);

describe('MC023 invalid-confidence-interval', () => {
  it('underlines a mapping interval whose lower bound is above its upper bound', () => {
    const text = withInterval('{lower: 0.95, upper: 0.9}');
    const diagnostic = onlyDiagnostic(text, 'MC023');
    assert.deepEqual(diagnostic.range, range(9, 25, 9, 50));
    assert.equal(textAt(text, diagnostic.range), '{lower: 0.95, upper: 0.9}');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, 'The confidence interval of `accuracy` has its lower bound (0.95) above its upper bound (0.9).');
    assert.equal(diagnostic.data, undefined);
  });

  it('reports a reversed list interval the same way', () => {
    const text = withInterval('[0.95, 0.9]');
    assert.equal(textAt(text, onlyDiagnostic(text, 'MC023').range), '[0.95, 0.9]');
    assert.equal(onlyDiagnostic(text, 'MC023').message, 'The confidence interval of `accuracy` has its lower bound (0.95) above its upper bound (0.9).');
  });

  it('reports a value outside its interval, in both forms', () => {
    for (const interval of ['[0.8, 0.9]', '{lower: 0.8, upper: 0.9, level: 0.95}']) {
      const diagnostic = onlyDiagnostic(withInterval(interval), 'MC023');
      assert.equal(diagnostic.message, '`accuracy` is 0.92, outside its confidence interval [0.8, 0.9].');
    }
  });

  it('underlines a block mapping interval without running past it', () => {
    const text = withInterval('\n      lower: 0.95 # bootstrap\n      upper: 0.9');
    assert.deepEqual(onlyDiagnostic(text, 'MC023').range, range(10, 6, 11, 16));
  });

  it('accepts intervals that contain the value, including at their bounds', () => {
    assert.deepEqual(diagnosticsWithCode(withInterval('[0.9, 0.95]'), 'MC023'), []);
    assert.deepEqual(diagnosticsWithCode(withInterval('{lower: 0.92, upper: 0.92}'), 'MC023'), []);
  });

  it('leaves malformed intervals to the schema rules', () => {
    assert.deepEqual(diagnosticsWithCode(withInterval('[0.9]'), 'MC023'), []);
    assert.deepEqual(diagnosticsWithCode(withInterval('{lower: high, upper: 0.9}'), 'MC023'), []);
  });

  sharedRuleTests({ code: 'MC023', name: 'invalid-confidence-interval', defaultSeverity: DiagnosticSeverity.Error }, withInterval('[0.95, 0.9]'));
});
