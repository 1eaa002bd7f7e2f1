import { bindingKey, metricBindings } from '../../card/metricBindings';
import { shortRunId } from '../../trackers/boundValues';
import { numberText, roundTo, statesValue, writtenDecimals } from '../../trackers/precision';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const trackerValueMismatch: Rule = {
  code: RuleCode.TrackerValueMismatch,
  name: 'tracker-value-mismatch',
  defaultSeverity: 'error',
  summary: "With `--verify`: a bound result whose value is not its run's",
  rationale:
    'A result bound to a tracker run must state what the run logged: a value that differs was copied wrong or has gone stale since the model was trained again. Checked by `modelcard lint --verify` and, in the editor, on save.',
  check: ({ card, trackerValues }) => {
    if (!trackerValues) return [];
    return metricBindings(card).flatMap((binding) => {
      const result = trackerValues.get(bindingKey(binding.source));
      if (!result || !('found' in result) || binding.value === undefined) return [];
      const tracked = result.found.value;
      if (statesValue(binding.value, binding.valueText, tracked)) return [];
      const decimals = binding.valueText === undefined ? undefined : writtenDecimals(binding.valueText);
      const replacement = numberText(decimals !== undefined && decimals >= 1 ? roundTo(tracked, decimals) : tracked);
      const message = `card says ${binding.valueText ?? numberText(binding.value)}, run ${shortRunId(binding.source.run)} says ${numberText(tracked)} (metric ${binding.source.key})`;
      return findingAt(card, [...binding.path, 'value'], message, { kind: 'replace', title: `Change to ${replacement}`, newText: replacement });
    });
  },
};
