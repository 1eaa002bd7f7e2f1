import { nodeAt } from '../../parsing/yamlNodes';
import { yamlScalar } from '../../text/yamlText';
import { evaluationDatasetNames, metricResults } from '../../card/cardData';
import { findingAt, findingOnKey } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const resultWithoutData: Rule = {
  code: RuleCode.ResultWithoutData,
  name: 'result-without-data',
  defaultSeverity: 'warning',
  summary: 'Metric results that name no evaluation data',
  rationale:
    'A number means little without the data it was measured on: Mitchell et al. §4.5 ask every result to point to a documented evaluation dataset.',
  check: ({ card }) => {
    const results = metricResults(card);
    if (results.length === 0) return [];
    if (results[0].form === 'short') {
      if (nodeAt(card.root, ['evaluation_data']) !== undefined) return [];
      return findingOnKey(card, ['metrics'], 'These metric results name no evaluation data: add `evaluation_data` to say what they were measured on.', {
        kind: 'insertKey',
        path: ['evaluation_data'],
      });
    }
    const datasets = evaluationDatasetNames(card);
    return results
      .filter((result) => result.dataset === undefined)
      .flatMap((result) =>
        findingAt(
          card,
          [...result.path, 'name'],
          `The \`${result.name}\` result names no evaluation data: add \`dataset:\` with a name from \`evaluation_data\`.`,
          datasets.length === 1 ? { kind: 'insertKey', path: [...result.path, 'dataset'], valueText: yamlScalar(datasets[0]) } : undefined,
        ),
      );
  },
};
