import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withoutLimitations = completeCard.replace('limitations: May misclassify rare images\n', '');

describe('MC001 missing-limitations', () => {
  it('is reported on the first key of a card without limitations, with an insert-key fix', () => {
    const diagnostic = onlyDiagnostic(withoutLimitations, 'MC001');
    assert.deepEqual(diagnostic.range, range(0, 0, 0, 4));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, 'The card has no `limitations`: say where and how the model is likely to fail.');
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['limitations'] });
  });

  it('is not reported when limitations are given as text or as a list', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC001'), []);
    assert.deepEqual(diagnosticsWithCode(`${withoutLimitations}limitations:\n  - Fails at night\n`, 'MC001'), []);
  });

  it('accepts caveats that state where the model fails, as in Mitchell et al.’s own cards, but not placeholder caveats', () => {
    assert.deepEqual(diagnosticsWithCode(`${withoutLimitations}caveats_and_recommendations: Does not work on infrared images.\n`, 'MC001'), []);
    assert.deepEqual(diagnosticsWithCode(`${withoutLimitations}caveats_and_recommendations:\n  - Fails on faces in profile\n`, 'MC001'), []);
    assert.equal(diagnosticsWithCode(`${withoutLimitations}caveats_and_recommendations: TODO\n`, 'MC001').length, 1);
    assert.equal(diagnosticsWithCode(`${withoutLimitations}caveats_and_recommendations: []\n`, 'MC001').length, 1);
  });

  it('is not reported for a key that is present without a value (wrong-type says it is empty)', () => {
    const text = `${withoutLimitations}limitations:\n`;
    assert.deepEqual(diagnosticsWithCode(text, 'MC001'), []);
    assert.equal(onlyDiagnostic(text, 'MC011').message, '`limitations` has no value: write text or a list here, or remove the key.');
  });

  it('does not count a commented-out key, and skips leading comments to find the first key', () => {
    const text = `# A card\n\n${withoutLimitations}# limitations: not written yet\n`;
    assert.deepEqual(onlyDiagnostic(text, 'MC001').range, range(2, 0, 2, 4));
  });

  it('is reported on the first key in flow style too', () => {
    assert.deepEqual(onlyDiagnostic('{name: x, metrics: {accuracy: 0.9}}\n', 'MC001').range, range(0, 1, 0, 5));
  });

  it('says nothing about a file that is not a mapping (yaml-syntax does)', () => {
    assert.deepEqual(diagnosticsWithCode('- a list\n', 'MC001'), []);
    assert.deepEqual(diagnosticsWithCode('', 'MC001'), []);
  });

  sharedRuleTests({ code: 'MC001', name: 'missing-limitations', defaultSeverity: DiagnosticSeverity.Error }, withoutLimitations);
});
