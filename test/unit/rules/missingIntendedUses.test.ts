import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withoutIntendedUse = completeCard.replace(/intended_use:\n(  .*\n)+/, '');
const withoutPrimaryUses = completeCard.replace('  primary_uses: Sorting holiday photos\n', '');

describe('MC003 missing-intended-uses', () => {
  it('without intended_use, is reported on the first key with an insert-key fix for the section', () => {
    const diagnostic = onlyDiagnostic(withoutIntendedUse, 'MC003');
    assert.deepEqual(diagnostic.range, range(0, 0, 0, 4));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(
      diagnostic.message,
      'The card has no `intended_use`: say what the model is for, who it is for, and what it must not be used for.',
    );
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['intended_use'] });
  });

  it('with intended_use but no primary_uses, is reported on the intended_use key', () => {
    const diagnostic = onlyDiagnostic(withoutPrimaryUses, 'MC003');
    assert.deepEqual(diagnostic.range, range(2, 0, 2, 12));
    assert.equal(diagnostic.message, '`intended_use` has no `primary_uses`: say what the model is meant to be used for.');
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['intended_use', 'primary_uses'] });
  });

  it('with an empty flow mapping, is reported on the intended_use key', () => {
    const text = withoutIntendedUse.replace('metrics:', 'intended_use: {}\nmetrics:');
    assert.deepEqual(onlyDiagnostic(text, 'MC003').range, range(2, 0, 2, 12));
  });

  it('is not reported when primary_uses is given, as text or as a list, with comments around it', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC003'), []);
    const commented = completeCard.replace(
      '  primary_uses: Sorting holiday photos\n',
      '  # what it is for\n  primary_uses: # the main ones\n    - Sorting holiday photos\n',
    );
    assert.deepEqual(diagnosticsWithCode(commented, 'MC003'), []);
  });

  sharedRuleTests({ code: 'MC003', name: 'missing-intended-uses', defaultSeverity: DiagnosticSeverity.Warning }, withoutIntendedUse);
});
