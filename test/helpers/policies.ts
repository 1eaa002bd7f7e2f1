import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { defaultSettings, type ModelCardSettings } from '../../server/src/protocol';
import { sectionDigest } from '../../server/src/service/card/sectionDigest';
import { parsePolicy } from '../../server/src/service/policy/parsePolicy';
import type { Policy } from '../../server/src/service/policy/policy';

/** A policy with a rule of each kind, for tests: high-risk cards need monitoring and three sign-offs. */
export const samplePolicyText = `policy_version: 1
organisation: Northwind Health
risk_levels:
  all:
    required:
      basics: [limitations]
  high:
    required:
      annex-iv: [monitoring, intended_use.out_of_scope]
    sign_offs:
      clinical-use: {section: intended_use, roles: [clinician], before: approved}
      results: {section: metrics, roles: [data science], before: approved}
      ethics: {section: ethical_considerations, roles: [compliance], before: published, severity: warning}
allowed_values:
  licences: {field: license, values: [apache-2.0, mit]}
custom_fields:
  inventory-id: {field: x-inventory-id, pattern: '^NW-[0-9]{4}$', risk_levels: [high]}
sign_off_roles:
  limitations: [data science]
`;

/** A policy's parsed form; fails the test when the text has problems. */
export function policyOf(text: string): Policy {
  const { policy, problems } = parsePolicy(text);
  assert.deepEqual(problems, []);
  return policy;
}

export const samplePolicy: Policy = policyOf(samplePolicyText);

/** The default settings with a policy (and, for the date rules, a today). */
export function withPolicy(policy: Policy = samplePolicy, more: Partial<ModelCardSettings> = {}): ModelCardSettings {
  return { ...defaultSettings, policy, ...more };
}

/** `card` with a `governance` block: `status`, `risk_rating` and, each with the digest of its section as `card` holds it, `sign_offs`. */
export function governedCard(card: string, governance: { status?: string; risk?: string; signOffs?: { section: string; role: string; name: string }[] }): string {
  const lines = [
    'governance:',
    ...(governance.status ? [`  status: ${governance.status}`] : []),
    ...(governance.risk ? [`  risk_rating: ${governance.risk}`] : []),
    ...(governance.signOffs
      ? ['  sign_offs:', ...governance.signOffs.map(({ section, role, name }) => `    - {section: ${section}, role: ${role}, name: ${name}, date: '2026-03-02', digest: '${sectionDigest(parse(card), section)}'}`)]
      : []),
  ];
  return `${card}${lines.join('\n')}\n`;
}
