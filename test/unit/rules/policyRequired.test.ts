import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { governedCard, policyOf, samplePolicy } from '../../helpers/policies';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const highRisk = governedCard(completeCard, { risk: 'high' });
const withPolicy = { policy: samplePolicy };

describe('MC080 policy-required', () => {
  it('reports each field the policy requires at the card’s risk level, with the policy rule’s id, and a fix that inserts it', () => {
    const found = diagnosticsWithCode(highRisk, 'MC080', withPolicy);
    assert.deepEqual(
      found.map((diagnostic) => [diagnostic.range, diagnostic.message, diagnostic.data]),
      [
        [range(0, 0, 0, 4), "`monitoring` is required for high-risk cards by Northwind Health's policy (policy rule `annex-iv`).", { kind: 'insertKey', path: ['monitoring'], policyRule: 'annex-iv' }],
        [range(0, 0, 0, 4), "`x-inventory-id` is required for high-risk cards by Northwind Health's policy (policy rule `inventory-id`).", { kind: 'insertKey', path: ['x-inventory-id'], policyRule: 'inventory-id' }],
      ],
    );
  });

  it('underlines a required field that is there but not written yet', () => {
    const text = highRisk.replace('governance:', 'monitoring: TODO\nx-inventory-id: NW-0001\ngovernance:');
    const diagnostic = onlyDiagnostic(text, 'MC080', withPolicy);
    assert.deepEqual(diagnostic.range, range(13, 12, 13, 16));
    assert.equal(textAt(text, diagnostic.range), 'TODO');
    assert.equal(diagnostic.message, "`monitoring` is required for high-risk cards by Northwind Health's policy (policy rule `annex-iv`) and is not written yet.");
  });

  it('asks every card for the `all` level’s fields, and a low-risk card for nothing more', () => {
    const low = governedCard(completeCard.replace('limitations: May misclassify rare images\n', ''), { risk: 'low' });
    const diagnostic = onlyDiagnostic(low, 'MC080', withPolicy);
    assert.equal(diagnostic.message, "`limitations` is required for every card by Northwind Health's policy (policy rule `basics`).");
    assert.deepEqual(diagnosticsWithCode(governedCard(completeCard, { risk: 'low' }), 'MC080', withPolicy), []);
  });

  it('takes the severity the policy rule sets; the user’s setting for the code still wins', () => {
    const policy = policyOf('risk_levels:\n  all:\n    required:\n      soft: {fields: [caveats_and_recommendations], severity: warning}\n');
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC080', { policy }).map((diagnostic) => diagnostic.severity), [DiagnosticSeverity.Warning]);
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC080', { policy, rules: { MC080: 'error' } }).map((diagnostic) => diagnostic.severity), [DiagnosticSeverity.Error]);
  });

  it('does nothing without a policy', () => {
    assert.deepEqual(diagnosticsWithCode(highRisk, 'MC080'), []);
  });

  sharedRuleTests({ code: 'MC080', name: 'policy-required', defaultSeverity: DiagnosticSeverity.Error }, highRisk, undefined, withPolicy);
});
