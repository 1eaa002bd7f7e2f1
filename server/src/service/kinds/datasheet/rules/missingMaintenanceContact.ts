import { nodeAt } from '../../../parsing/yamlNodes';
import { findingIfMissing } from '../../../diagnostics/ruleHelpers';
import { RuleCode, type Rule } from '../../../diagnostics/ruleTypes';

export const missingMaintenanceContact: Rule = {
  code: RuleCode.MissingMaintenanceContact,
  name: 'missing-maintenance-contact',
  defaultSeverity: 'warning',
  summary: 'A datasheet with no contact: neither `maintenance.contact` nor `contact`',
  rationale:
    'Users who find an error in a dataset, or people who want their data removed from it, need someone to write to (Gebru et al. §3.7).',
  // The section's absence is missing-datasheet-section's finding; a contact at the top level will do too.
  check: ({ card }) =>
    nodeAt(card.root, ['maintenance']) === undefined || nodeAt(card.root, ['contact']) !== undefined
      ? []
      : findingIfMissing(card, ['maintenance', 'contact'], '`maintenance` gives no `contact`: say how to reach the people who maintain the dataset (an e-mail address or a URL).'),
};
