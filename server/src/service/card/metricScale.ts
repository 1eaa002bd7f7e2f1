import type { MetricDefinition, MetricResult } from './cardData';

/** Metrics that are rates, proportions or areas under a curve, written without separators. */
const unitIntervalMetrics = new Set([
  'accuracy', 'acc', 'balancedaccuracy', 'top1accuracy', 'top5accuracy', 'precision', 'recall', 'sensitivity', 'specificity',
  'f1', 'f1score', 'fscore', 'microf1', 'macrof1', 'weightedf1', 'auc', 'rocauc', 'aucroc', 'auroc', 'prauc', 'aucpr', 'auprc',
  'averageprecision', 'map', 'iou', 'miou', 'dice', 'exactmatch', 'fpr', 'fnr', 'tpr', 'tnr', 'falsepositiverate',
  'falsenegativerate', 'truepositiverate', 'truenegativerate', 'falsediscoveryrate', 'falseomissionrate', 'fdr', 'for',
  'ppv', 'npv', 'errorrate', 'bpsnauc', 'bnspauc', 'subgroupauc',
]);

export function isUnitIntervalMetric(name: string): boolean {
  return unitIntervalMetrics.has(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/** The range a result's value must lie in, and where that range comes from. */
export interface ExpectedRange {
  range: [number, number];
  /** `definition`: the card's metric_definitions; `percent`: the result is a percentage; `rate`: a rate written as a fraction. */
  reason: 'definition' | 'percent' | 'rate';
}

/** The unit a result is written in: its own `unit`, else its metric definition's. */
export function resultUnit(result: MetricResult, definition: MetricDefinition | undefined): string | undefined {
  return typeof result.unit === 'string' ? result.unit : definition?.unit;
}

/**
 * The range a result must lie in: its metric definition's `range`; [0, 100] for a percentage;
 * [0, 1] for a rate (accuracy, F1, AUC...) written as a fraction (the default). Any other unit
 * (ms, GB) has no range.
 */
export function expectedRange(result: MetricResult, definition: MetricDefinition | undefined): ExpectedRange | undefined {
  if (definition?.range) return { range: definition.range, reason: 'definition' };
  const unit = resultUnit(result, definition);
  if (unit === 'percent') return { range: [0, 100], reason: 'percent' };
  if ((unit === undefined || unit === 'fraction') && isUnitIntervalMetric(result.name)) return { range: [0, 1], reason: 'rate' };
  return undefined;
}
