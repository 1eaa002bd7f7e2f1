import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withoutEthics = completeCard.replace('ethical_considerations: No personal data\n', '');

describe('MC005 missing-ethical-considerations', () => {
  it('is reported on the first key, with an insert-key fix', () => {
    const diagnostic = onlyDiagnostic(withoutEthics, 'MC005');
    assert.deepEqual(diagnostic.range, range(0, 0, 0, 4));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /^The card has no `ethical_considerations`: note sensitive data, risks and harms/);
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['ethical_considerations'] });
  });

  it('is not reported for ethical considerations as text or as a list of risks', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC005'), []);
    const risks = `${withoutEthics}ethical_considerations:\n  - name: Faces\n    mitigation: Not used for identification\n`;
    assert.deepEqual(diagnosticsWithCode(risks, 'MC005'), []);
  });

  it('does not accept a custom x- key in its place', () => {
    assert.equal(diagnosticsWithCode(`${withoutEthics}x-ethical_considerations: none\n`, 'MC005').length, 1);
  });

  sharedRuleTests({ code: 'MC005', name: 'missing-ethical-considerations', defaultSeverity: DiagnosticSeverity.Warning }, withoutEthics);
});
