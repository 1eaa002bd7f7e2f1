import { findingIfMissing } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const missingMetrics: Rule = {
  code: RuleCode.MissingMetrics,
  name: 'missing-metrics',
  defaultSeverity: 'error',
  summary: 'No metric results',
  rationale:
    'A card without measured results cannot tell anyone how well the model works (Mitchell et al. §4.4 and §4.7).',
  check: ({ card }) =>
    findingIfMissing(
      card,
      ['metrics'],
      'The card reports no metric results: add `metrics` with at least one measured value, e.g. `accuracy: 0.92`.',
    ),
};
