import { findingIfMissing } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const missingLimitations: Rule = {
  code: RuleCode.MissingLimitations,
  name: 'missing-limitations',
  defaultSeverity: 'error',
  summary: 'No `limitations`',
  rationale:
    'Readers of a model card look for its limitations first (Hugging Face user study); Mitchell et al. ask every card to say where the model is likely to fail.',
  check: ({ card }) =>
    findingIfMissing(card, ['limitations'], 'The card has no `limitations`: say where and how the model is likely to fail.'),
};
