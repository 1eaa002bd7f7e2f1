import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withoutOutOfScope = completeCard.replace('  out_of_scope: Medical images\n', '');

describe('MC004 missing-out-of-scope-uses', () => {
  it('is reported on the intended_use key, with an insert-key fix for out_of_scope', () => {
    const diagnostic = onlyDiagnostic(withoutOutOfScope, 'MC004');
    assert.deepEqual(diagnostic.range, range(2, 0, 2, 12));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, '`intended_use` has no `out_of_scope` uses: say what the model must not be used for, and why.');
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['intended_use', 'out_of_scope'] });
  });

  it('is not reported when out_of_scope is given', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC004'), []);
    assert.deepEqual(diagnosticsWithCode(completeCard.replace('out_of_scope: Medical images', 'out_of_scope: [Medical images]'), 'MC004'), []);
  });

  it('is left to missing-intended-uses when the whole section is missing', () => {
    const text = completeCard.replace(/intended_use:\n(  .*\n)+/, '');
    assert.deepEqual(diagnosticsWithCode(text, 'MC004'), []);
    assert.equal(diagnosticsWithCode(text, 'MC003').length, 1);
  });

  it('is reported on the key in flow style', () => {
    const text = completeCard.replace(/intended_use:\n(  .*\n)+/, 'intended_use: {primary_uses: Sorting}\n');
    assert.deepEqual(onlyDiagnostic(text, 'MC004').range, range(2, 0, 2, 12));
  });

  sharedRuleTests({ code: 'MC004', name: 'missing-out-of-scope-uses', defaultSeverity: DiagnosticSeverity.Warning }, withoutOutOfScope);
});
