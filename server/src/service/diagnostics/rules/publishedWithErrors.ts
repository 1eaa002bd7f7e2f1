import { governanceStatus } from '../../card/cardData';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type SummaryRule } from '../ruleTypes';

export const publishedWithErrors: SummaryRule = {
  code: RuleCode.PublishedWithErrors,
  name: 'published-with-errors',
  defaultSeverity: 'error',
  summary: 'A published card with errors',
  rationale: 'A published card is what users and auditors read; it must not carry errors.',
  check: ({ card }, errorCount) =>
    governanceStatus(card) === 'published' && errorCount > 0
      ? findingAt(
          card,
          ['governance', 'status'],
          `The card is \`published\` but has ${errorCount} error${errorCount === 1 ? '' : 's'}: fix ${errorCount === 1 ? 'it' : 'them'}, or set the status back to \`in_review\`.`,
          { kind: 'replace', title: 'Set status to `in_review`', newText: 'in_review' },
        )
      : [],
};
