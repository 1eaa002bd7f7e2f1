import { governanceStatus } from '../../card/cardData';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type SummaryRule } from '../ruleTypes';

/** The statuses that say the card has passed review. */
const signedOffStatuses = ['approved', 'published'];

export const publishedWithErrors: SummaryRule = {
  code: RuleCode.PublishedWithErrors,
  name: 'published-with-errors',
  defaultSeverity: 'error',
  summary: 'An approved or published card with errors',
  rationale:
    'An approved or published card is what users and auditors rely on; it must not carry errors (an approval of a card with errors approves the errors).',
  check: ({ card }, errorCount) => {
    const status = governanceStatus(card);
    if (!status || !signedOffStatuses.includes(status) || errorCount === 0) return [];
    const errors = `${errorCount} error${errorCount === 1 ? '' : 's'}`;
    return findingAt(
      card,
      ['governance', 'status'],
      `The card is \`${status}\` but has ${errors}: fix ${errorCount === 1 ? 'it' : 'them'}, or set the status back to \`in_review\`.`,
      { kind: 'replace', title: 'Set status to `in_review`', newText: 'in_review' },
    );
  },
};
