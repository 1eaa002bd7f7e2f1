import { boundPath, metricResults } from '../../card/cardData';
import { isFiniteNumber } from '../../card/values';
import { findingAt, writtenValue } from '../ruleHelpers';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

export const invalidConfidenceInterval: Rule = {
  code: RuleCode.InvalidConfidenceInterval,
  name: 'invalid-confidence-interval',
  defaultSeverity: 'error',
  summary: 'A confidence interval with its bounds reversed, or not containing its value',
  rationale: 'A confidence interval must have its lower bound below its upper bound and contain the value it qualifies.',
  check: ({ card }) =>
    metricResults(card).flatMap((result): Finding[] => {
      if (!result.bounds) return [];
      // The bounds as written are looked up only for a finding: most intervals are right.
      const written = () => result.bounds!.map((bound, index) => writtenValue(card, boundPath(result, index as 0 | 1), bound));
      const at = [...result.path, 'confidence_interval'];
      if (result.bounds[0] > result.bounds[1]) {
        const [lower, upper] = written();
        return findingAt(card, at, `The confidence interval of \`${result.name}\` has its lower bound (${lower}) above its upper bound (${upper}).`);
      }
      if (isFiniteNumber(result.value) && (result.value < result.bounds[0] || result.value > result.bounds[1])) {
        const value = writtenValue(card, [...result.path, 'value'], result.value);
        const [lower, upper] = written();
        return findingAt(card, at, `\`${result.name}\` is ${value}, outside its confidence interval [${lower}, ${upper}].`);
      }
      return [];
    }),
};
