import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { governedCard, samplePolicy } from '../../helpers/policies';
import { completeCard, sharedRuleTests } from '../../helpers/ruleTests';

const withPolicy = { policy: samplePolicy };
const clinician = { section: 'intended_use', role: 'clinician', name: 'A. Rivera' };
const dataScience = { section: 'metrics', role: 'data science', name: 'J. Park' };
const approvedHighRisk = governedCard(completeCard, { status: 'approved', risk: 'high', signOffs: [clinician] });

describe('MC083 sign-off-missing', () => {
  it('reports on the status each sign-off the policy requires before it, with the policy rule', () => {
    const found = diagnosticsWithCode(approvedHighRisk, 'MC083', withPolicy);
    assert.deepEqual(
      found.map((diagnostic) => [diagnostic.range, textAt(approvedHighRisk, diagnostic.range), diagnostic.message, diagnostic.data]),
      [[range(14, 10, 14, 18), 'approved', "Northwind Health's policy (policy rule `results`) requires a sign-off of `metrics` by data science before the card is approved; it has none.", { policyRule: 'results' }]],
    );
  });

  it('counts a stale sign-off as missing, and says whose it was', () => {
    const stale = approvedHighRisk.replace('Sorting holiday photos', 'Sorting any photos');
    assert.deepEqual(diagnosticsWithCode(stale, 'MC083', withPolicy).map((diagnostic) => diagnostic.message), [
      "Northwind Health's policy (policy rule `clinical-use`) requires a sign-off of `intended_use` by clinician before the card is approved; its sign-off by A. Rivera (clinician) is stale.",
      "Northwind Health's policy (policy rule `results`) requires a sign-off of `metrics` by data science before the card is approved; it has none.",
    ]);
  });

  it('asks for the published sign-offs once the card is published, with the policy rule’s severity', () => {
    const published = governedCard(completeCard, { status: 'published', risk: 'high', signOffs: [clinician, dataScience] });
    const found = diagnosticsWithCode(published, 'MC083', withPolicy);
    assert.deepEqual(found.map((diagnostic) => [diagnostic.severity, diagnostic.data]), [[DiagnosticSeverity.Warning, { policyRule: 'ethics' }]]);
  });

  it('asks nothing before the status is reached, of other risk levels, or without a policy', () => {
    assert.deepEqual(diagnosticsWithCode(governedCard(completeCard, { status: 'in_review', risk: 'high' }), 'MC083', withPolicy), []);
    assert.deepEqual(diagnosticsWithCode(governedCard(completeCard, { status: 'approved', risk: 'low' }), 'MC083', withPolicy), []);
    assert.deepEqual(diagnosticsWithCode(approvedHighRisk, 'MC083'), []);
    assert.deepEqual(diagnosticsWithCode(governedCard(completeCard, { status: 'approved', risk: 'high', signOffs: [clinician, dataScience] }), 'MC083', withPolicy), []);
  });

  sharedRuleTests({ code: 'MC083', name: 'sign-off-missing', defaultSeverity: DiagnosticSeverity.Error }, approvedHighRisk, undefined, withPolicy);
});
