import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { governedCard, samplePolicy } from '../../helpers/policies';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withPolicy = { policy: samplePolicy };
const signedBy = (role: string, section = 'limitations', risk = 'low') => governedCard(completeCard, { risk, signOffs: [{ section, role, name: 'B. Chen' }] });

describe('MC084 sign-off-role', () => {
  it('underlines the role of a sign-off the policy does not allow for its section', () => {
    const text = signedBy('product');
    const diagnostic = onlyDiagnostic(text, 'MC084', withPolicy);
    assert.deepEqual(diagnostic.range, range(16, 35, 16, 42));
    assert.equal(textAt(text, diagnostic.range), 'product');
    assert.equal(diagnostic.message, "`product` may not sign `limitations` under Northwind Health's policy (policy rule `sign_off_roles`): it is signed by data science.");
    assert.deepEqual(diagnostic.data, { policyRule: 'sign_off_roles' });
  });

  it('names the requirement that lists the section’s signers at the card’s risk level', () => {
    const diagnostic = onlyDiagnostic(signedBy('product', 'intended_use', 'high'), 'MC084', withPolicy);
    assert.equal(diagnostic.message, "`product` may not sign `intended_use` under Northwind Health's policy (policy rule `clinical-use`): it is signed by clinician.");
  });

  it('accepts the allowed roles (in any case), sections the policy says nothing of, and any role without a policy', () => {
    assert.deepEqual(diagnosticsWithCode(signedBy('Data Science'), 'MC084', withPolicy), []);
    assert.deepEqual(diagnosticsWithCode(signedBy('product', 'ethical_considerations', 'low'), 'MC084', withPolicy), []);
    assert.deepEqual(diagnosticsWithCode(signedBy('product'), 'MC084'), []);
  });

  sharedRuleTests({ code: 'MC084', name: 'sign-off-role', defaultSeverity: DiagnosticSeverity.Error }, signedBy('product'), undefined, withPolicy);
});
