import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PolicyFiles } from '../../../server/src/node/policyFiles';
import { parsePolicy } from '../../../server/src/service/policy/parsePolicy';
import { samplePolicyText } from '../../helpers/policies';

const repoRoot = path.resolve(__dirname, '../../..');
const examplePolicy = path.join(repoRoot, 'examples/governance/.modelcard-policy.yaml');

describe('policy files', () => {
  it('reads the example policy without a problem: levels, sign-offs, allowed values, custom fields, roles and bounds', () => {
    const { policy, problems } = parsePolicy(readFileSync(examplePolicy, 'utf8'));
    assert.deepEqual(problems, []);
    assert.equal(policy.organisation, 'Northwind Health');
    assert.deepEqual(policy.riskLevels.all?.required, [{ id: 'basics', fields: ['owners', 'license', 'intended_use.primary_uses', 'limitations'] }]);
    assert.deepEqual(policy.riskLevels.high?.signOffs.map((rule) => [rule.id, rule.section, rule.roles, rule.before]), [
      ['clinical-intended-use', 'intended_use', ['clinician'], 'approved'],
      ['data-science-results', 'quantitative_analyses', ['data science'], 'approved'],
      ['data-science-metrics', 'metrics', ['data science'], 'approved'],
      ['compliance-ethics', 'ethical_considerations', ['compliance'], 'published'],
      ['compliance-regulations', 'governance.regulations', ['compliance'], 'published'],
    ]);
    assert.deepEqual(policy.customFields, [
      { id: 'inventory-id', field: 'x-inventory-id', pattern: '^NW-[0-9]{4}$', riskLevels: ['high', 'medium'], description: 'The model\'s id in the AI system inventory (NIST AI RMF GOVERN 1.6).' },
    ]);
    assert.deepEqual(policy.signOffRoles, { intended_use: ['clinician', 'product'] });
    assert.deepEqual(policy.disparity, { minRatio: 0.8, maxGap: 0.05 });
  });

  it('reports each problem of an invalid policy on one line at its position, and keeps the valid entries', () => {
    const text = samplePolicyText
      .replace('annex-iv: [monitoring, intended_use.out_of_scope]', 'annex-iv: [monitoring, intended_use.out_of_scop]')
      .replace('before: approved}\n      results', 'before: shipped}\n      results')
      .replace('[0-9]{4}', () => '[0-9{4}')
      .replace('sign_off_roles:', 'sign_of_roles:');
    const { policy, problems } = parsePolicy(text);
    assert.deepEqual(
      problems.map(({ line, column }) => [line, column]),
      [[18, 1], [9, 30], [11, 73], [17, 50]],
      JSON.stringify(problems, null, 1),
    );
    assert.deepEqual(problems.map((problem) => problem.message), [
      'unknown key `sign_of_roles` in the policy (did you mean `sign_off_roles`?): it has policy_version, organisation, templates, risk_levels, allowed_values, custom_fields, sign_off_roles, disparity',
      '`intended_use.out_of_scop` is not a field of a model card (did you mean `intended_use.out_of_scope`?); custom fields start with x-',
      '`clinical-use.before` must be one of approved, published',
      '`inventory-id.pattern` is not a regular expression: Invalid regular expression: /^NW-[0-9{4}$/u: Unterminated character class',
    ]);
    assert.equal(problems.every((problem) => !problem.message.includes('\n')), true);
    // A sign-off whose `before` is wrong is still required, before approval (the stricter reading).
    assert.deepEqual(policy.riskLevels.high?.signOffs.map((rule) => [rule.id, rule.before]), [['clinical-use', 'approved'], ['results', 'approved'], ['ethics', 'published']]);
    assert.deepEqual(policy.customFields.map((rule) => [rule.id, rule.pattern]), [['inventory-id', undefined]], 'the field is still required; its broken pattern is left out');
    assert.deepEqual(policy.allowedValues.map((rule) => rule.id), ['licences']);
  });

  it('reports a YAML error, and reads an empty file as no rules', () => {
    assert.deepEqual(parsePolicy('risk_levels: [\n').problems.length, 1);
    assert.deepEqual(parsePolicy(''), { policy: { riskLevels: {}, allowedValues: [], customFields: [], signOffRoles: {} }, problems: [] });
  });

  describe('found upward from a card', () => {
    let folder: string;
    beforeEach(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'policy-'));
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    it('finds the nearest policy file above a card, and none when there is none (the defaults apply)', async () => {
      mkdirSync(path.join(folder, 'team', 'models'), { recursive: true });
      const card = path.join(folder, 'team', 'models', 'a.modelcard.yaml');
      writeFileSync(card, 'name: A\n');
      assert.equal(await new PolicyFiles().forCard(card), undefined);
      writeFileSync(path.join(folder, '.modelcard-policy.yaml'), samplePolicyText);
      const found = await new PolicyFiles().forCard(card);
      assert.equal(found?.path, path.join(folder, '.modelcard-policy.yaml'));
      assert.equal(found?.policy.organisation, 'Northwind Health');
    });

    it('says in one line when a named policy file cannot be read', async () => {
      const loaded = await new PolicyFiles().load(path.join(folder, 'missing.yaml'));
      assert.equal(loaded?.problems.length, 1);
      assert.match(loaded!.problems[0].message, /^cannot read the policy file: /);
    });
  });
});
