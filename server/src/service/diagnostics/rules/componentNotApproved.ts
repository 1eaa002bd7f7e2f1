import { kindById } from '../../kinds/registry';
import { RuleCode, type CrossFileRule } from '../ruleTypes';

/** The statuses that say a document has been approved. */
const approvedStatuses: readonly (string | undefined)[] = ['approved', 'published'];

export const componentNotApproved: CrossFileRule = {
  code: RuleCode.ComponentNotApproved,
  name: 'component-not-approved',
  defaultSeverity: 'warning',
  summary: 'An approved or published system card with a component whose linked card is not approved',
  rationale:
    'Approving a system vouches for its parts: a component documented by a card that is still a draft or in review (or archived) has not been signed off, so the system\'s approval rests on it unchecked.',
  check: ({ entry, index }) => {
    if (entry.summary.kind !== 'systemCard' || !approvedStatuses.includes(entry.summary.status)) return [];
    return entry.links.flatMap((link) => {
      const target = link.uri !== undefined ? index.get(link.uri) : undefined;
      if (!target || approvedStatuses.includes(target.summary.status)) return [];
      const document = kindById(target.summary.kind)?.words.document ?? 'document';
      const component = link.from !== undefined ? `component \`${link.from}\`` : 'a component';
      const status = target.summary.status !== undefined ? `is \`${target.summary.status}\`` : 'states no review status';
      return [{ range: link.range, message: `The system is \`${entry.summary.status}\` but the ${document} of ${component} ${status}: approve it before the system.` }];
    });
  },
};
