import { bindingKey, metricBindings } from '../../card/metricBindings';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const unverifiableSource: Rule = {
  code: RuleCode.UnverifiableSource,
  name: 'unverifiable-source',
  defaultSeverity: 'error',
  summary: 'With `--verify`: a bound result whose store, run or metric cannot be read',
  rationale:
    'A result bound to a tracker run is only as good as the run: when the store, the run or the metric cannot be read, the value cannot be checked. Checked by `modelcard lint --verify` and, in the editor, on save.',
  check: ({ card, trackerValues }) => {
    if (!trackerValues) return [];
    return metricBindings(card).flatMap((binding) => {
      const result = trackerValues.get(bindingKey(binding.source));
      return result && 'problem' in result ? findingAt(card, [...binding.path, 'source'], `The value cannot be checked: ${result.problem}.`) : [];
    });
  },
};
