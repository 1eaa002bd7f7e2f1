import { riskLevel } from '../../card/signOffs';
import { hasContent, valueAt } from '../../card/values';
import type { ParsedCard } from '../../parsing/parsedCard';
import { keySpanAt, missingAnchor, nodeAt } from '../../parsing/yamlNodes';
import { fieldPath } from '../../policy/policyFields';
import { policyName, type Policy, type PolicyRule } from '../../policy/policy';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

export const policyRequired: Rule = {
  code: RuleCode.PolicyRequired,
  name: 'policy-required',
  defaultSeverity: 'error',
  summary: "A section or field the organisation's policy requires at the card's risk level, missing or not written",
  rationale:
    "An organisation's policy (`.modelcard-policy.yaml`) says what each risk level must document (for a high-risk system, the EU AI Act's Annex IV), and which custom fields every card carries; a card without them cannot go through review. The finding names the policy rule, which may set its own severity.",
  check: ({ card, settings }) => {
    const { policy } = settings;
    if (!policy) return [];
    const level = riskLevel(card);
    const forLevel = `${level}-risk cards`;
    const required = (['all', level] as const).flatMap((key) =>
      (policy.riskLevels[key]?.required ?? []).flatMap((rule) => rule.fields.map((field) => ({ rule, field, whom: key === 'all' ? 'every card' : forLevel }))),
    );
    const custom = policy.customFields
      .filter((rule) => !rule.riskLevels || rule.riskLevels.includes('all') || rule.riskLevels.includes(level))
      .map((rule) => ({ rule, field: rule.field, whom: !rule.riskLevels || rule.riskLevels.includes('all') ? 'every card' : forLevel }));
    return [...required, ...custom].flatMap((requirement) => unwritten(card, policy, requirement, settings.placeholders));
  },
};

/** A field a policy rule requires of the card, and of which cards it requires it ("every card", "high-risk cards"). */
interface Requirement {
  rule: PolicyRule;
  field: string;
  whom: string;
}

function unwritten(card: ParsedCard, policy: Policy, { rule, field, whom }: Requirement, placeholders: readonly string[]): Finding[] {
  const path = fieldPath(field);
  if (!path || !card.root) return [];
  const present = nodeAt(card.root, path) !== undefined || keySpanAt(card, path) !== undefined;
  if (present && hasContent(valueAt(card.value, path), placeholders)) return [];
  const message = `\`${field}\` is required for ${whom} by ${policyName(policy)} (policy rule \`${rule.id}\`)${present ? ' and is not written yet' : ''}.`;
  const context = { policyRule: rule.id, ...(rule.severity ? { severity: rule.severity } : {}) };
  if (present) return findingAt(card, path, message).map((finding) => ({ ...finding, ...context }));
  const [start, end] = missingAnchor(card, path.slice(0, -1));
  return [{ start, end, message, fix: { kind: 'insertKey', path }, ...context }];
}
