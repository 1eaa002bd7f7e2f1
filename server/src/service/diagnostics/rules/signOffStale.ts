import { SectionDigests, signerText, signOffs } from '../../card/signOffs';
import { sectionPath } from '../../card/sectionDigest';
import { valueAt } from '../../card/values';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

/** A digest as Sign Off Section and `modelcard sign` write it; anything else is the schema's to report. */
const digestForm = /^sha256:[0-9a-f]{64}$/;

export const signOffStale: Rule = {
  code: RuleCode.SignOffStale,
  name: 'sign-off-stale',
  defaultSeverity: 'error',
  summary: 'A sign-off whose section changed after it was signed (its digest no longer matches)',
  rationale:
    "A sign-off records the digest of the section as it was signed. When the section's content changes (not its layout or comments), the signature no longer covers what the card says: the signer must review the change and sign again, or the sign-off must go.",
  check: ({ card }) => {
    const digests = new SectionDigests(card);
    return signOffs(card).flatMap((signOff) => {
      if (!signOff.digest || !digestForm.test(signOff.digest) || digests.stateOf(signOff) === 'valid') return [];
      const removed = valueAt(card.value, sectionPath(signOff.section)) === undefined;
      const message = `\`${signOff.section}\` ${removed ? 'was removed' : 'changed'} after ${signerText(signOff)} signed it${signOff.date ? ` on ${signOff.date}` : ''}: ask them to review the change and sign again (Sign Off Section…), or remove this sign-off.`;
      return findingAt(card, [...signOff.path, 'digest'], message);
    });
  },
};
