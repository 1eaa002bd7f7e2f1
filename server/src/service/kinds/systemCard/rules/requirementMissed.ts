import { isRecord } from '../../../card/values';
import { findingAt, writtenValue } from '../../../diagnostics/ruleHelpers';
import { RuleCode, type Rule } from '../../../diagnostics/ruleTypes';

/** Whether a higher value is better, for the requirements the format knows. */
const higherIsBetter: Record<string, boolean> = {
  latency_p50: false,
  latency_p95: false,
  latency_p99: false,
  throughput: true,
  availability: true,
  error_rate: false,
};

export const requirementMissed: Rule = {
  code: RuleCode.RequirementMissed,
  name: 'requirement-missed',
  defaultSeverity: 'warning',
  summary: 'A requirement whose `measured` value misses its `target` (latency above, throughput or availability below)',
  rationale:
    'A system card that states a requirement and a measured value that misses it documents a system that does not meet its own requirements: reviewers must see it before approval, and the owners should fix the system or revise the target with a reason.',
  check: ({ card }) => {
    const requirements = isRecord(card.value) && isRecord(card.value.requirements) ? card.value.requirements : {};
    return Object.entries(requirements).flatMap(([name, requirement]) => {
      if (!isRecord(requirement) || typeof requirement.target !== 'number' || typeof requirement.measured !== 'number') return [];
      const higher = typeof requirement.higher_is_better === 'boolean' ? requirement.higher_is_better : higherIsBetter[name];
      if (higher === undefined) return [];
      const { target, measured } = requirement;
      if (higher ? measured >= target : measured <= target) return [];
      const path = ['requirements', name, 'measured'];
      const unit = typeof requirement.unit === 'string' ? ` ${requirement.unit}` : '';
      const targetText = `${writtenValue(card, ['requirements', name, 'target'], target)}${unit}`;
      const message = `\`requirements.${name}\` is measured at ${writtenValue(card, path, measured)}${unit}, ${higher ? 'below' : 'above'} its target of ${higher ? 'at least' : 'at most'} ${targetText}: fix the system, or revise the target and say why.`;
      return findingAt(card, path, message);
    });
  },
};
