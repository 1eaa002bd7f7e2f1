import { nodeAt } from '../../parsing/yamlNodes';
import { findingIfMissing } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const missingOutOfScopeUses: Rule = {
  code: RuleCode.MissingOutOfScopeUses,
  name: 'missing-out-of-scope-uses',
  defaultSeverity: 'warning',
  summary: 'No `out_of_scope` uses in `intended_use`',
  rationale:
    'Out-of-scope uses warn against misuse and against uses that look close to the intended ones (Mitchell et al. §4.2; Hugging Face "Out-of-Scope Use").',
  // When `intended_use` itself is missing, missing-intended-uses reports it (with out_of_scope in its skeleton).
  check: ({ card }) =>
    nodeAt(card.root, ['intended_use']) === undefined
      ? []
      : findingIfMissing(card, ['intended_use', 'out_of_scope'], '`intended_use` has no `out_of_scope` uses: say what the model must not be used for, and why.'),
};
