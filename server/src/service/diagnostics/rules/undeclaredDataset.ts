import { closestMatch } from '../../text/closestMatch';
import { isPlaceholderText } from '../../text/placeholders';
import { yamlScalar } from '../../text/yamlText';
import { declaredDatasets, metricResults } from '../../card/cardData';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const undeclaredDataset: Rule = {
  code: RuleCode.UndeclaredDataset,
  name: 'undeclared-dataset',
  defaultSeverity: 'warning',
  summary: "A result's `dataset` that `evaluation_data` does not describe",
  rationale:
    'Every dataset a result was measured on should be described (source, composition, preprocessing) under evaluation_data (Mitchell et al. §4.5).',
  check: ({ card, settings }) => {
    const declared = declaredDatasets(card);
    if (!declared) return [];
    return metricResults(card)
      .filter((result) => typeof result.dataset === 'string' && !declared.includes(result.dataset) && !isPlaceholderText(result.dataset, settings.placeholders))
      .flatMap((result) => {
        const dataset = result.dataset as string;
        const suggestion = closestMatch(dataset, declared);
        const message = suggestion
          ? `Dataset \`${dataset}\` is not described in \`evaluation_data\`. Did you mean \`${suggestion}\`?`
          : `Dataset \`${dataset}\` is not described in \`evaluation_data\`: add it there with its source and composition.`;
        const fix = suggestion ? { kind: 'replace' as const, title: `Change to \`${suggestion}\``, newText: yamlScalar(suggestion) } : undefined;
        return findingAt(card, [...result.path, 'dataset'], message, fix);
      });
  },
};
