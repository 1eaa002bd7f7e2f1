import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeDatasheet, datasheetUri } from '../../helpers/kindDocuments';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withoutConsent = completeDatasheet.replace('  consent: Every volunteer signed a consent form\n', '');

describe('MC101 unprotected-personal-data', () => {
  it('underlines `present: true` when neither consent nor anonymisation is stated, offering to add either', () => {
    const diagnostic = onlyDiagnostic(withoutConsent, 'MC101', {}, datasheetUri);
    assert.deepEqual(diagnostic.range, range(13, 11, 13, 15));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(
      diagnostic.message,
      'The dataset holds personal data but says neither how the people in it consented nor how it was anonymised: add `personal_data.consent` or `personal_data.anonymization`.',
    );
    assert.deepEqual(diagnostic.data, {
      kind: 'choices',
      fixes: [
        { kind: 'insertKey', path: ['personal_data', 'consent'], title: 'Add `consent` to `personal_data`' },
        { kind: 'insertKey', path: ['personal_data', 'anonymization'], title: 'Add `anonymization` to `personal_data`' },
      ],
    });
  });

  it('underlines the sensitive categories when they are given without `present`', () => {
    const text = withoutConsent.replace('  present: true\n', '  sensitive_categories: [biometric, health]\n');
    const diagnostic = onlyDiagnostic(text, 'MC101', {}, datasheetUri);
    assert.equal(textAt(text, diagnostic.range), '[biometric, health]');
    assert.match(diagnostic.message, /^The dataset holds sensitive personal data but/);
  });

  it('accepts personal data with consent or with anonymisation, and data about no one', () => {
    assert.deepEqual(diagnosticsWithCode(completeDatasheet, 'MC101', {}, datasheetUri), []);
    const anonymised = withoutConsent.replace('  present: true\n', '  present: true\n  anonymization: Faces blurred, names removed\n');
    assert.deepEqual(diagnosticsWithCode(anonymised, 'MC101', {}, datasheetUri), []);
    assert.deepEqual(diagnosticsWithCode(withoutConsent.replace('present: true', 'present: false'), 'MC101', {}, datasheetUri), []);
    assert.deepEqual(diagnosticsWithCode(withoutConsent.replace(/personal_data:\n  present: true\n/, ''), 'MC101', {}, datasheetUri), []);
  });

  it('does not take a quoted "true" for a statement (wrong-type reports that)', () => {
    const text = withoutConsent.replace('present: true', "present: 'true'");
    assert.deepEqual(diagnosticsWithCode(text, 'MC101', {}, datasheetUri), []);
    assert.equal(diagnosticsWithCode(text, 'MC011', {}, datasheetUri).length, 1);
  });

  sharedRuleTests({ code: 'MC101', name: 'unprotected-personal-data', defaultSeverity: DiagnosticSeverity.Error }, withoutConsent, datasheetUri);
});
