import { sameRole, sectionSignOffs, signerText, statusReached } from '../../card/signOffs';
import { policyName } from '../../policy/policy';
import { listText } from '../../text/listText';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const signOffMissing: Rule = {
  code: RuleCode.SignOffMissing,
  name: 'sign-off-missing',
  defaultSeverity: 'error',
  summary: "A sign-off the organisation's policy requires for the card's risk level and status, missing or stale",
  rationale:
    "An organisation's policy names who must sign which section before a card of a given risk level is approved or published (clinicians on the intended use, data scientists on the results, compliance on ethics). Without a valid sign-off by one of those roles, the approval rests on sections nobody accountable has checked.",
  check: ({ card, settings }) => {
    const { policy } = settings;
    if (!policy) return [];
    return [...sectionSignOffs(card, policy).values()].flatMap(({ section, signOffs, unmet }) =>
      unmet
        .filter((requirement) => statusReached(card, requirement.before))
        .flatMap((requirement) => {
          const stale = signOffs.filter(({ signOff, state }) => state === 'stale' && signOff.role !== undefined && requirement.roles.some((role) => sameRole(role, signOff.role!)));
          const found = stale.length > 0 ? `its sign-off by ${listText(stale.map(({ signOff }) => signerText(signOff)), 'and')} is stale` : 'it has none';
          const message = `${policyName(policy)} (policy rule \`${requirement.id}\`) requires a sign-off of \`${section}\` by ${listText(requirement.roles)} before the card is ${requirement.before}; ${found}.`;
          return findingAt(card, ['governance', 'status'], message).map((finding) => ({ ...finding, policyRule: requirement.id, ...(requirement.severity ? { severity: requirement.severity } : {}) }));
        }),
    );
  },
};
