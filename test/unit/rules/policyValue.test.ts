import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt, withFix } from '../../helpers/cards';
import { samplePolicy } from '../../helpers/policies';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withPolicy = { policy: samplePolicy };
const licensed = (license: string) => `${completeCard}license: ${license}\n`;

describe('MC081 policy-value', () => {
  it('underlines a value the policy does not allow, names the policy rule, and offers the closest allowed value', () => {
    const text = licensed('apache2.0');
    const diagnostic = onlyDiagnostic(text, 'MC081', withPolicy);
    assert.deepEqual(diagnostic.range, range(13, 9, 13, 18));
    assert.equal(textAt(text, diagnostic.range), 'apache2.0');
    assert.equal(diagnostic.message, "`apache2.0` is not allowed in `license` by Northwind Health's policy (policy rule `licences`): use apache-2.0 or mit. Did you mean `apache-2.0`?");
    assert.equal(withFix(text, diagnostic), licensed('apache-2.0'));
  });

  it('gives no fix when no allowed value is close', () => {
    const diagnostic = onlyDiagnostic(licensed('gpl-3.0'), 'MC081', withPolicy);
    assert.equal(diagnostic.message, "`gpl-3.0` is not allowed in `license` by Northwind Health's policy (policy rule `licences`): use apache-2.0 or mit.");
    assert.deepEqual(diagnostic.data, { policyRule: 'licences' });
  });

  it('checks a custom field against its pattern at the risk levels the policy names', () => {
    const text = `${completeCard}x-inventory-id: AB-12\ngovernance:\n  risk_rating: high\n`;
    const diagnostic = onlyDiagnostic(text, 'MC081', withPolicy);
    assert.deepEqual(diagnostic.range, range(13, 16, 13, 21));
    assert.equal(diagnostic.message, "`x-inventory-id` must match `^NW-[0-9]{4}$` under Northwind Health's policy (policy rule `inventory-id`).");
    assert.deepEqual(diagnosticsWithCode(text.replace('AB-12', 'NW-0042'), 'MC081', withPolicy), []);
    assert.deepEqual(diagnosticsWithCode(text.replace('high', 'low'), 'MC081', withPolicy), [], 'the pattern applies to high-risk cards only');
  });

  it('accepts allowed values, and does nothing without a policy', () => {
    assert.deepEqual(diagnosticsWithCode(licensed('mit'), 'MC081', withPolicy), []);
    assert.deepEqual(diagnosticsWithCode(licensed('gpl-3.0'), 'MC081'), []);
  });

  sharedRuleTests({ code: 'MC081', name: 'policy-value', defaultSeverity: DiagnosticSeverity.Error }, licensed('apache2.0'), undefined, withPolicy);
});
