import { governanceStatus } from '../../card/cardData';
import { findingAt } from '../ruleHelpers';
import { isRecord } from '../../card/values';
import { RuleCode, type Rule } from '../ruleTypes';

export const approvalMissing: Rule = {
  code: RuleCode.ApprovalMissing,
  name: 'approval-missing',
  defaultSeverity: 'error',
  summary: 'Status approved or published without an approving review',
  rationale: 'A card may be marked approved or published only once a reviewer has approved it; the review is the record of who signed off and when.',
  check: ({ card }) => {
    const status = governanceStatus(card);
    if (status !== 'approved' && status !== 'published') return [];
    const governance = (card.value as { governance: Record<string, unknown> }).governance;
    const reviews = Array.isArray(governance.reviews) ? governance.reviews : [];
    if (reviews.some((review) => isRecord(review) && review.decision === 'approved')) return [];
    return findingAt(
      card,
      ['governance', 'status'],
      `The card is \`${status}\` but no review approves it: add a review with \`decision: approved\` under \`governance.reviews\`.`,
    );
  },
};
