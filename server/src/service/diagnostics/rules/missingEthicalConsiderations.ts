import { findingIfMissing } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const missingEthicalConsiderations: Rule = {
  code: RuleCode.MissingEthicalConsiderations,
  name: 'missing-ethical-considerations',
  defaultSeverity: 'warning',
  summary: 'No `ethical_considerations`',
  rationale:
    'Mitchell et al. §4.8 ask about sensitive data, effects on human life, risks and harms and their mitigations; stating them is worthwhile even without precise solutions.',
  check: ({ card }) =>
    findingIfMissing(
      card,
      ['ethical_considerations'],
      'The card has no `ethical_considerations`: note sensitive data, risks and harms, and how they were mitigated.',
    ),
};
