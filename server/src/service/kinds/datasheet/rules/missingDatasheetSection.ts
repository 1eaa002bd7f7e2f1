import { findingIfMissing } from '../../../diagnostics/ruleHelpers';
import { RuleCode, type Rule } from '../../../diagnostics/ruleTypes';

/** Gebru et al.'s sections, in their order, with what each must say. */
export const datasheetSections: readonly { key: string; asks: string }[] = [
  { key: 'motivation', asks: 'say why the dataset was created, by whom, and who funded it' },
  { key: 'composition', asks: 'say what the instances are, how many there are, their labels, splits and noise' },
  { key: 'collection_process', asks: 'say how, when and by whom the data was collected' },
  { key: 'preprocessing', asks: 'say how the data was cleaned and labelled, and whether the raw data was kept' },
  { key: 'uses', asks: 'say what the dataset is for, what it must not be used for, and the risks of using it' },
  { key: 'distribution', asks: 'say how, when and under which terms the dataset is distributed' },
  { key: 'maintenance', asks: 'say who maintains the dataset, how to reach them, and how it is updated' },
];

export const missingDatasheetSection: Rule = {
  code: RuleCode.MissingDatasheetSection,
  name: 'missing-datasheet-section',
  defaultSeverity: 'warning',
  summary: 'A datasheet section of Gebru et al. missing: motivation, composition, collection process, preprocessing, uses, distribution, maintenance',
  rationale:
    'Gebru et al. ask every dataset to answer the questions of seven sections (motivation, composition, collection process, preprocessing, uses, distribution, maintenance), so that its users can judge whether it fits their task and what risks it carries.',
  check: ({ card }) =>
    datasheetSections.flatMap(({ key, asks }) => findingIfMissing(card, [key], `The datasheet has no \`${key}\`: ${asks}.`)),
};
