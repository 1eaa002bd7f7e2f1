import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { cardDocument, cardUri, diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { actionEdits, applyTextEdits } from '../../helpers/codeActionEdits';
import { governedCard } from '../../helpers/policies';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';
import { createLanguageService } from '../../../server/src/service/languageService';

const approvedHighRisk = governedCard(completeCard, { status: 'approved', risk: 'high' });

describe('MC085 monitoring-missing', () => {
  it('underlines the status of a high-risk card approved without monitoring, and offers to add the section', () => {
    const diagnostic = onlyDiagnostic(approvedHighRisk, 'MC085');
    assert.deepEqual(diagnostic.range, range(14, 10, 14, 18));
    assert.equal(textAt(approvedHighRisk, diagnostic.range), 'approved');
    assert.equal(
      diagnostic.message,
      'The card is `approved` but, rated high-risk, it has no `monitoring` plan: say what is watched in production, the alert thresholds and owner, and when the model is reviewed again.',
    );
    const [action] = createLanguageService().codeActions(cardDocument(approvedHighRisk), { diagnostics: [diagnostic] });
    assert.equal(action.title, 'Add a `monitoring` section');
    const fixed = applyTextEdits(approvedHighRisk, actionEdits(action, cardUri));
    assert.equal(
      fixed,
      approvedHighRisk.replace(
        'ethical_considerations:',
        'monitoring:\n  monitors:\n    - kind: input_drift\n      statistic: psi\n      threshold: TODO\n      window: TODO 7 days\n' +
          '  alerts:\n    owner: TODO who is alerted\n    channel: TODO where\n  retraining_trigger: TODO what triggers retraining\n' +
          '  review_cadence: monthly\n  next_review: TODO YYYY-MM-DD\nethical_considerations:',
      ),
    );
  });

  it('counts a monitoring section written only with placeholders as none', () => {
    assert.equal(diagnosticsWithCode(approvedHighRisk.replace('governance:', 'monitoring: TODO\ngovernance:'), 'MC085').length, 1);
  });

  it('asks nothing of a card in review, of lower risks, or of a card with a plan', () => {
    assert.deepEqual(diagnosticsWithCode(governedCard(completeCard, { status: 'in_review', risk: 'high' }), 'MC085'), []);
    assert.deepEqual(diagnosticsWithCode(governedCard(completeCard, { status: 'published', risk: 'medium' }), 'MC085'), []);
    const planned = approvedHighRisk.replace('governance:', 'monitoring:\n  summary: Weekly drift checks on input brightness.\ngovernance:');
    assert.deepEqual(diagnosticsWithCode(planned, 'MC085'), []);
  });

  sharedRuleTests({ code: 'MC085', name: 'monitoring-missing', defaultSeverity: DiagnosticSeverity.Error }, approvedHighRisk);
});
