import { metricResults } from '../../card/cardData';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

/** Metrics that are rates, proportions or areas under a curve, written without separators. */
const unitIntervalMetrics = new Set([
  'accuracy', 'balancedaccuracy', 'top1accuracy', 'top5accuracy', 'precision', 'recall', 'sensitivity', 'specificity',
  'f1', 'f1score', 'fscore', 'microf1', 'macrof1', 'weightedf1', 'auc', 'rocauc', 'aucroc', 'auroc', 'prauc', 'aucpr', 'auprc',
  'averageprecision', 'map', 'iou', 'miou', 'dice', 'exactmatch', 'fpr', 'fnr', 'tpr', 'tnr', 'falsepositiverate',
  'falsenegativerate', 'truepositiverate', 'truenegativerate', 'falsediscoveryrate', 'falseomissionrate', 'fdr', 'for',
  'ppv', 'npv', 'errorrate', 'bpsnauc', 'bnspauc', 'subgroupauc',
]);

export function isUnitIntervalMetric(name: string): boolean {
  return unitIntervalMetrics.has(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

export const metricOutOfRange: Rule = {
  code: RuleCode.MetricOutOfRange,
  name: 'metric-out-of-range',
  defaultSeverity: 'error',
  summary: 'Accuracy, precision, recall, F1, AUC ... outside [0, 1]',
  rationale: 'Rates and scores such as accuracy, precision, recall, F1 and AUC lie between 0 and 1; a value outside is a typo or a percentage.',
  check: ({ card }) =>
    metricResults(card)
      .filter((result) => isUnitIntervalMetric(result.name) && typeof result.value === 'number' && (result.value < 0 || result.value > 1))
      .flatMap((result) => {
        const value = result.value as number;
        const asFraction = value > 1 && value <= 100 ? Number((value / 100).toPrecision(12)) : undefined;
        const message =
          `\`${result.name}\` is ${value}, outside [0, 1].` + (asFraction !== undefined ? ` If it is a percentage, write ${asFraction}.` : '');
        const fix = asFraction !== undefined ? { kind: 'replace' as const, title: `Change to ${asFraction}`, newText: String(asFraction) } : undefined;
        return findingAt(card, result.form === 'short' ? result.path : [...result.path, 'value'], message, fix);
      }),
};
