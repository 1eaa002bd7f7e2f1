import { nodeAt } from '../../../parsing/yamlNodes';
import { isRecord } from '../../../card/values';
import { findingAt } from '../../../diagnostics/ruleHelpers';
import { RuleCode, type Rule } from '../../../diagnostics/ruleTypes';

export const unprotectedPersonalData: Rule = {
  code: RuleCode.UnprotectedPersonalData,
  name: 'unprotected-personal-data',
  defaultSeverity: 'error',
  summary: 'Personal data (`personal_data.present: true` or sensitive categories) with neither `consent` nor `anonymization`',
  rationale:
    'Data about identifiable people may be collected and shared only on a legal basis, most often the consent of the people in it, or once it is anonymised (GDPR Articles 6 and 9; Gebru et al. §3.3). A datasheet that says the data is personal must say which.',
  check: ({ card }) => {
    const personal = isRecord(card.value) ? card.value.personal_data : undefined;
    if (!isRecord(personal)) return [];
    const categories = Array.isArray(personal.sensitive_categories) ? personal.sensitive_categories.length : 0;
    if (personal.present !== true && categories === 0) return [];
    if (['consent', 'anonymization'].some((key) => nodeAt(card.root, ['personal_data', key]) !== undefined)) return [];
    const what = personal.present === true ? 'holds personal data' : 'holds sensitive personal data';
    return findingAt(
      card,
      ['personal_data', personal.present === true ? 'present' : 'sensitive_categories'],
      `The dataset ${what} but says neither how the people in it consented nor how it was anonymised: add \`personal_data.consent\` or \`personal_data.anonymization\`.`,
      {
        kind: 'choices',
        fixes: [
          { kind: 'insertKey', path: ['personal_data', 'consent'], title: 'Add `consent` to `personal_data`' },
          { kind: 'insertKey', path: ['personal_data', 'anonymization'], title: 'Add `anonymization` to `personal_data`' },
        ],
      },
    );
  },
};
