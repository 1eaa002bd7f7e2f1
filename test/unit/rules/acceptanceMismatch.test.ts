import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, textAt, withFix } from '../../helpers/cards';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

/** A fairness test: the ratio of the lowest to the highest false positive rate across genders, held to the four-fifths rule. */
const fairnessTest = (value: string, acceptance: string): string => `name: x
factors:
  evaluation: [gender]
evaluation_data:
  - name: test
metrics:
  - name: fpr_ratio
    value: ${value}
    dataset: test
    across: gender
    acceptance: ${acceptance}
`;

describe('MC025 acceptance-mismatch', () => {
  it('underlines a `passed` that the value contradicts, and offers the verdict the numbers give', () => {
    const text = fairnessTest('0.72', "{threshold: 0.8, operator: '>=', passed: true}");
    const diagnostic = onlyDiagnostic(text, 'MC025');
    assert.equal(textAt(text, diagnostic.range), 'true');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, '`passed: true`, but `fpr_ratio` is 0.72, which does not meet the criterion (at least 0.8): set `passed: false`, or check the numbers.');
    assert.equal(withFix(text, diagnostic), text.replace('passed: true', 'passed: false'));
  });

  it('reads the operator (>= by default) and compares exactly at the threshold', () => {
    assert.deepEqual(diagnosticsWithCode(fairnessTest('0.8', '{threshold: 0.8, passed: true}'), 'MC025'), []);
    assert.deepEqual(diagnosticsWithCode(fairnessTest('0.8', "{threshold: 0.8, operator: '>', passed: false}"), 'MC025'), []);
    assert.deepEqual(diagnosticsWithCode(fairnessTest('0.05', "{threshold: 0.1, operator: '<', passed: true}"), 'MC025'), []);
    const below = onlyDiagnostic(fairnessTest('0.15', "{threshold: 0.1, operator: '<=', passed: true}"), 'MC025');
    assert.match(below.message, /which does not meet the criterion \(at most 0\.1\)/);
    const wrongFail = onlyDiagnostic(fairnessTest('0.95', '{threshold: 0.8, passed: false}'), 'MC025');
    assert.match(wrongFail.message, /^`passed: false`, but `fpr_ratio` is 0\.95, which meets the criterion \(at least 0\.8\): set `passed: true`/);
  });

  it('says nothing without a verdict, a number or a known operator (the schema reports those)', () => {
    assert.deepEqual(diagnosticsWithCode(fairnessTest('0.72', '{threshold: 0.8}'), 'MC025'), []);
    assert.deepEqual(diagnosticsWithCode(fairnessTest('TODO', '{threshold: 0.8, passed: true}'), 'MC025'), []);
    assert.deepEqual(diagnosticsWithCode(fairnessTest('0.72', "{threshold: 0.8, operator: '=>', passed: true}"), 'MC025'), []);
  });

  sharedRuleTests({ code: 'MC025', name: 'acceptance-mismatch', defaultSeverity: DiagnosticSeverity.Error }, fairnessTest('0.72', '{threshold: 0.8, passed: true}'));
});
