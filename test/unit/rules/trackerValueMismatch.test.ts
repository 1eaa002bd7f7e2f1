import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { boundCard, source, trackerValues, verify } from '../../helpers/boundCards';
import { withCrlf } from '../../helpers/ruleTests';

describe('MC061 tracker-value-mismatch', () => {
  it('reports a bound value the run does not state, on the value, with the run’s value as the fix', () => {
    const values = trackerValues([[source('test_accuracy'), 0.91], [source('test_f1'), 0.8]]);
    const [diagnostic, ...rest] = verify(boundCard, values, 'MC061');
    assert.deepEqual(rest, []);
    assert.equal(diagnostic.message, 'card says 0.92, run a1b2c3d4 says 0.91 (metric test_accuracy)');
    assert.deepEqual(diagnostic.range, range(3, 11, 3, 15));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Change to 0.91', newText: '0.91' });
  });

  it('accepts the run’s value exactly, or rounded to the decimals the card writes (at least one)', () => {
    const accepted: [string, number][] = [['0.92', 0.92], ['0.92', 0.9234], ['0.9235', 0.92345678], ['9.2e-1', 0.92], ['.nan', NaN], ['.inf', Infinity]];
    for (const [cardText, runValue] of accepted) {
      const text = boundCard.replace('value: 0.92', `value: ${cardText}`);
      assert.deepEqual(verify(text, trackerValues([[source('test_accuracy'), runValue], [source('test_f1'), 0.8]]), 'MC061'), [], `${cardText} vs ${runValue}`);
    }
    const refused: [string, number, string][] = [['1', 0.92, '0.92'], ['0.92', 0.926, '0.93'], ['0.92', NaN, '.nan'], ['0.9234', 0.92345678, '0.9235']];
    for (const [cardText, runValue, fix] of refused) {
      const text = boundCard.replace('value: 0.92', `value: ${cardText}`);
      const diagnostics = verify(text, trackerValues([[source('test_accuracy'), runValue], [source('test_f1'), 0.8]]), 'MC061');
      assert.equal(diagnostics.length, 1, `${cardText} vs ${runValue}`);
      assert.equal((diagnostics[0].data as { newText: string }).newText, fix);
    }
  });

  it('says nothing without tracker values (plain lint), or for a binding the caller did not read', () => {
    assert.deepEqual(diagnosticsWithCode(boundCard, 'MC061'), []);
    assert.deepEqual(verify(boundCard, trackerValues([]), 'MC061'), []);
  });

  it('follows the severity settings and gives the same ranges with CRLF', () => {
    const values = trackerValues([[source('test_accuracy'), 0.91], [source('test_f1'), 0.7]]);
    assert.deepEqual(verify(boundCard, values, 'MC061', { rules: { 'tracker-value-mismatch': 'off' } }), []);
    assert.deepEqual(verify(boundCard, values, 'MC061', { rules: { MC061: 'warning' } }).map((d) => d.severity), [DiagnosticSeverity.Warning, DiagnosticSeverity.Warning]);
    const lf = verify(boundCard, values, 'MC061');
    assert.deepEqual(verify(withCrlf(boundCard), values, 'MC061'), lf);
    assert.deepEqual(lf.map((diagnostic) => textAt(boundCard, diagnostic.range)), ['0.92', '0.8']);
  });
});
