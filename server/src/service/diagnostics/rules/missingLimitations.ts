import { hasContent, isRecord } from '../../card/values';
import { findingIfMissing } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const missingLimitations: Rule = {
  code: RuleCode.MissingLimitations,
  name: 'missing-limitations',
  defaultSeverity: 'error',
  summary: 'No `limitations` (or `caveats_and_recommendations`)',
  rationale:
    'Readers of a model card look for its limitations first (Hugging Face user study); Mitchell et al. ask every card to say where the model is likely to fail, in their own cards under "Caveats and Recommendations", which this rule accepts too.',
  check: ({ card, settings }) => {
    const caveats = isRecord(card.value) ? card.value.caveats_and_recommendations : undefined;
    if (hasContent(caveats, settings.placeholders)) return [];
    return findingIfMissing(card, ['limitations'], 'The card has no `limitations`: say where and how the model is likely to fail.');
  },
};
