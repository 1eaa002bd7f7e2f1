import { findingIfMissing } from '../../../diagnostics/ruleHelpers';
import { RuleCode, type Rule } from '../../../diagnostics/ruleTypes';

export const missingDatasetLicense: Rule = {
  code: RuleCode.MissingDatasetLicense,
  name: 'missing-dataset-license',
  defaultSeverity: 'warning',
  summary: 'A datasheet with no `license`',
  rationale:
    'Without a licence nobody may lawfully reuse a dataset, and models trained on it inherit the doubt (Gebru et al. §3.6; the Hugging Face dataset card\'s `license`). Name it by its id, or write `other` with its name and link.',
  check: ({ card }) =>
    findingIfMissing(card, ['license'], 'The datasheet states no `license`: give the licence id (Hugging Face or SPDX, e.g. `cc-by-4.0`), or `other` with `license_name` and `license_link`.'),
};
