import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withGovernance = (governance: string): string => `${completeCard}governance:\n${governance}`;
const approvedWithoutReview = withGovernance('  status: approved\n');

describe('MC050 approval-missing', () => {
  it('underlines an approved status that no review approves', () => {
    const diagnostic = onlyDiagnostic(approvedWithoutReview, 'MC050');
    assert.deepEqual(diagnostic.range, range(14, 10, 14, 18));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(
      diagnostic.message,
      'The card is `approved` but no review approves it: add a review with `decision: approved` under `governance.reviews`.',
    );
    assert.equal(diagnostic.data, undefined);
  });

  it('reports a published card whose reviews only request changes', () => {
    const text = withGovernance('  status: published # shipped\n  reviews:\n    - {reviewer: Ana, decision: changes_requested}\n');
    const diagnostic = onlyDiagnostic(text, 'MC050');
    assert.equal(textAt(text, diagnostic.range), 'published');
    assert.match(diagnostic.message, /^The card is `published` but no review approves it/);
  });

  it('accepts an approved or published card with an approving review, in flow style too', () => {
    const review = '  reviews:\n    - reviewer: Ana\n      decision: approved\n';
    assert.deepEqual(diagnosticsWithCode(withGovernance(`  status: approved\n${review}`), 'MC050'), []);
    assert.deepEqual(diagnosticsWithCode(withGovernance(`  status: published\n${review}`), 'MC050'), []);
    assert.deepEqual(diagnosticsWithCode(`${completeCard}governance: {status: approved, reviews: [{reviewer: Ana, decision: approved}]}\n`, 'MC050'), []);
  });

  it('does not ask for approval before the card claims it', () => {
    for (const status of ['draft', 'in_review', 'archived']) {
      assert.deepEqual(diagnosticsWithCode(withGovernance(`  status: ${status}\n`), 'MC050'), [], status);
    }
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC050'), []);
  });

  it('does not count reviews written as a mapping instead of a list (wrong-type reports that)', () => {
    const text = withGovernance('  status: approved\n  reviews: {reviewer: Ana, decision: approved}\n');
    assert.equal(diagnosticsWithCode(text, 'MC050').length, 1);
    assert.equal(diagnosticsWithCode(text, 'MC011').length, 1);
  });

  sharedRuleTests({ code: 'MC050', name: 'approval-missing', defaultSeverity: DiagnosticSeverity.Error }, approvedWithoutReview);
});
