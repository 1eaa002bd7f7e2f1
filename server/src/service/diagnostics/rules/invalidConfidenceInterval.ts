import { metricResults, type MetricResult } from '../../card/cardData';
import { findingAt } from '../ruleHelpers';
import { isRecord } from '../../card/values';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

export const invalidConfidenceInterval: Rule = {
  code: RuleCode.InvalidConfidenceInterval,
  name: 'invalid-confidence-interval',
  defaultSeverity: 'error',
  summary: 'A confidence interval with its bounds reversed, or not containing its value',
  rationale: 'A confidence interval must have its lower bound below its upper bound and contain the value it qualifies.',
  check: ({ card }) =>
    metricResults(card).flatMap((result): Finding[] => {
      const bounds = intervalBounds(result.confidenceInterval);
      if (!bounds) return [];
      const [lower, upper] = bounds;
      const at = [...result.path, 'confidence_interval'];
      if (lower > upper) {
        return findingAt(card, at, `The confidence interval of \`${result.name}\` has its lower bound (${lower}) above its upper bound (${upper}).`);
      }
      if (typeof result.value === 'number' && (result.value < lower || result.value > upper)) {
        return findingAt(card, at, `\`${result.name}\` is ${result.value}, outside its confidence interval [${lower}, ${upper}].`);
      }
      return [];
    }),
};

function intervalBounds(interval: MetricResult['confidenceInterval']): [number, number] | undefined {
  const [lower, upper] = Array.isArray(interval) ? interval : isRecord(interval) ? [interval.lower, interval.upper] : [];
  return typeof lower === 'number' && typeof upper === 'number' ? [lower, upper] : undefined;
}
