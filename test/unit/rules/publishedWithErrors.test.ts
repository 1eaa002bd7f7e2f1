import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const approvingReview = '  reviews:\n    - {reviewer: Ana, decision: approved}\n';
/** A published, approved card with two errors: an unknown key (MC010) and accuracy 92 (MC022). */
const publishedWithTwoErrors = `${completeCard.replace('    value: 0.92', '    value: 92')}licence: mit\ngovernance:\n  status: published\n${approvingReview}`;

describe('MC051 published-with-errors', () => {
  it('underlines the published status, counts the errors, and offers to go back to in_review', () => {
    const diagnostic = onlyDiagnostic(publishedWithTwoErrors, 'MC051');
    assert.deepEqual(diagnostic.range, range(15, 10, 15, 19));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, 'The card is `published` but has 2 errors: fix them, or set the status back to `in_review`.');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Set status to `in_review`', newText: 'in_review' });
  });

  it('says “1 error” in the singular', () => {
    const text = publishedWithTwoErrors.replace('licence: mit\n', '');
    assert.equal(onlyDiagnostic(text, 'MC051').message, 'The card is `published` but has 1 error: fix it, or set the status back to `in_review`.');
  });

  it('counts the missing approval as an error too', () => {
    const text = `${completeCard}governance:\n  status: published\n`;
    assert.equal(onlyDiagnostic(text, 'MC051').message, 'The card is `published` but has 1 error: fix it, or set the status back to `in_review`.');
  });

  it('counts errors after severity overrides: a rule lowered to a warning no longer counts', () => {
    const diagnostic = onlyDiagnostic(publishedWithTwoErrors, 'MC051', { rules: { 'unknown-key': 'warning' } });
    assert.match(diagnostic.message, /has 1 error:/);
    assert.deepEqual(diagnosticsWithCode(publishedWithTwoErrors, 'MC051', { rules: { MC010: 'off', MC022: 'hint' } }), []);
  });

  it('counts errors raised by an override: a warning made an error counts', () => {
    const clean = `${completeCard}governance:\n  status: published\n${approvingReview}`;
    assert.deepEqual(diagnosticsWithCode(clean, 'MC051'), []);
    const withPlaceholder = clean.replace('No personal data', 'TODO');
    assert.deepEqual(diagnosticsWithCode(withPlaceholder, 'MC051'), []);
    assert.match(String(onlyDiagnostic(withPlaceholder, 'MC051', { rules: { placeholder: 'error' } }).message), /has 1 error:/);
  });

  it('holds an approved card to the same standard as a published one', () => {
    const text = publishedWithTwoErrors.replace('status: published', 'status: approved');
    assert.equal(onlyDiagnostic(text, 'MC051').message, 'The card is `approved` but has 2 errors: fix them, or set the status back to `in_review`.');
  });

  it('says nothing of cards in draft or in review, whatever their errors', () => {
    for (const status of ['draft', 'in_review', 'archived']) {
      assert.deepEqual(diagnosticsWithCode(publishedWithTwoErrors.replace('status: published', `status: ${status}`), 'MC051'), [], status);
    }
  });

  sharedRuleTests({ code: 'MC051', name: 'published-with-errors', defaultSeverity: DiagnosticSeverity.Error }, publishedWithTwoErrors);
});
