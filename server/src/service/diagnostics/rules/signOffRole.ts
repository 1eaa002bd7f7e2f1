import { allowedRoles, sameRole, signOffRequirements, signOffs } from '../../card/signOffs';
import { policyName } from '../../policy/policy';
import { listText } from '../../text/listText';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const signOffRole: Rule = {
  code: RuleCode.SignOffRole,
  name: 'sign-off-role',
  defaultSeverity: 'error',
  summary: "A sign-off by a role the organisation's policy does not allow for that section",
  rationale:
    "A sign-off stands for the accountability of a role: a section the policy asks clinicians or compliance to sign is not vouched for by anyone else's signature.",
  check: ({ card, settings }) => {
    const { policy } = settings;
    if (!policy) return [];
    return signOffs(card).flatMap((signOff) => {
      const roles = allowedRoles(policy, card, signOff.section);
      if (!roles || signOff.role === undefined || roles.some((role) => sameRole(role, signOff.role!))) return [];
      // The policy rule that names the section's signers; `sign_off_roles` when only that list does.
      const policyRule = signOffRequirements(policy, card).find((requirement) => requirement.section === signOff.section)?.id ?? 'sign_off_roles';
      const message = `\`${signOff.role}\` may not sign \`${signOff.section}\` under ${policyName(policy)} (policy rule \`${policyRule}\`): it is signed by ${listText(roles)}.`;
      return findingAt(card, [...signOff.path, 'role'], message).map((finding) => ({ ...finding, policyRule }));
    });
  },
};
