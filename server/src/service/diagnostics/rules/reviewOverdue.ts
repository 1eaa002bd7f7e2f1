import { monitoringSection } from '../../card/monitoring';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const reviewOverdue: Rule = {
  code: RuleCode.ReviewOverdue,
  name: 'review-overdue',
  defaultSeverity: 'warning',
  summary: "A `monitoring.next_review` date in the past",
  rationale:
    'A review cadence is a promise to look at the model again; a next review date that has passed means the card (and the model) have not been reviewed when they said they would.',
  check: ({ card, settings }) => {
    const next = monitoringSection(card)?.next_review;
    if (!settings.today || (typeof next !== 'string' && typeof next !== 'number')) return [];
    const due = String(next);
    if (!/^\d{4}(-\d{2}){0,2}$/.test(due) || !isPast(due, settings.today)) return [];
    return findingAt(card, ['monitoring', 'next_review'], `The next review was due ${due.length === 10 ? 'on' : 'in'} ${due} (today is ${settings.today}): review the card and the model, then set the next date.`);
  },
};

/** Whether a date (YYYY, YYYY-MM or YYYY-MM-DD) is over by `today` (YYYY-MM-DD): a month is over once the next one starts. */
function isPast(due: string, today: string): boolean {
  return today.slice(0, due.length) > due;
}
