import { closestMatch } from '../../text/closestMatch';
import { listText } from '../../text/listText';
import { yamlScalar } from '../../text/yamlText';
import { riskLevel } from '../../card/signOffs';
import type { ParsedCard } from '../../parsing/parsedCard';
import { fieldValues, type FieldValue } from '../../policy/policyFields';
import { policyName, type AllowedValues, type CustomField, type Policy } from '../../policy/policy';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

export const policyValue: Rule = {
  code: RuleCode.PolicyValue,
  name: 'policy-value',
  defaultSeverity: 'error',
  summary: "A value the organisation's policy does not allow (a licence, an enum value), or a custom field that does not match its pattern",
  rationale:
    "An organisation's policy (`.modelcard-policy.yaml`) may restrict what some fields hold: the licences legal has cleared, the regulations it tracks, the form of an internal model id. A card that strays from them needs a decision, not a silent exception. The finding names the policy rule, which may set its own severity.",
  check: ({ card, settings }) => {
    const { policy } = settings;
    if (!policy) return [];
    const level = riskLevel(card);
    const patterns = policy.customFields.filter((rule) => rule.pattern !== undefined && (!rule.riskLevels || rule.riskLevels.includes('all') || rule.riskLevels.includes(level)));
    return [
      ...policy.allowedValues.flatMap((rule) => fieldValues(card.value, rule.field).flatMap((reached) => disallowed(card, policy, rule, reached))),
      ...patterns.flatMap((rule) => fieldValues(card.value, rule.field).flatMap((reached) => unmatched(card, policy, rule, reached))),
    ];
  },
};

function disallowed(card: ParsedCard, policy: Policy, rule: AllowedValues, { path, value }: FieldValue): Finding[] {
  if (rule.values.some((allowed) => allowed === value)) return [];
  const allowedTexts = rule.values.map(String);
  const closest = typeof value === 'string' ? closestMatch(value, allowedTexts) : undefined;
  const hint = closest ? ` Did you mean \`${closest}\`?` : '';
  const message = `\`${String(value)}\` is not allowed in \`${rule.field}\` by ${policyName(policy)} (policy rule \`${rule.id}\`): use ${listText(allowedTexts)}.${hint}`;
  const fix = closest ? ({ kind: 'replace', title: `Change to \`${closest}\``, newText: yamlScalar(closest) } as const) : undefined;
  return withRule(findingAt(card, path, message, fix), rule);
}

function unmatched(card: ParsedCard, policy: Policy, rule: CustomField, { path, value }: FieldValue): Finding[] {
  if ((typeof value === 'string' || typeof value === 'number') && new RegExp(rule.pattern!, 'u').test(String(value))) return [];
  const about = rule.description ? ` ${rule.description}` : '';
  const message = `\`${rule.field}\` must match \`${rule.pattern}\` under ${policyName(policy)} (policy rule \`${rule.id}\`).${about}`;
  return withRule(findingAt(card, path, message), rule);
}

function withRule(findings: Finding[], rule: AllowedValues | CustomField): Finding[] {
  return findings.map((finding) => ({ ...finding, policyRule: rule.id, ...(rule.severity ? { severity: rule.severity } : {}) }));
}
