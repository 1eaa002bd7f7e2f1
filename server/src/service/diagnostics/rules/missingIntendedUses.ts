import { nodeAt } from '../../parsing/yamlNodes';
import { findingIfMissing } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const missingIntendedUses: Rule = {
  code: RuleCode.MissingIntendedUses,
  name: 'missing-intended-uses',
  defaultSeverity: 'warning',
  summary: 'No `intended_use`, or no `primary_uses` in it',
  rationale:
    'Mitchell et al. §4.2 ask what the model was built for and for whom, so that readers can tell whether their use is one the developers envisioned.',
  check: ({ card }) =>
    nodeAt(card.root, ['intended_use']) === undefined
      ? findingIfMissing(card, ['intended_use'], 'The card has no `intended_use`: say what the model is for, who it is for, and what it must not be used for.')
      : findingIfMissing(card, ['intended_use', 'primary_uses'], '`intended_use` has no `primary_uses`: say what the model is meant to be used for.'),
};
