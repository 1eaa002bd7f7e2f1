import type { DisparityBounds } from '../policy/policy';
import { metricDefinitions, metricResults, type MetricDefinition, type MetricResult } from './cardData';
import { expectedRange, resultUnit } from './metricScale';
import type { ParsedCard } from '../parsing/parsedCard';
import { isRecord } from './values';

/** Two slices of the same factors whose results for one metric differ too much. */
export interface SliceDisparity {
  kind: 'slices';
  metric: string;
  /** The factors the slices are cut by (one for unitary results, several for intersections), sorted. */
  factors: string[];
  worst: MetricResult;
  best: MetricResult;
  /** Why the gap counts: the ratio, the gap, or the confidence intervals. */
  reasons: DisparityReason[];
}

/** A fairness test across factors (`across:`) that shows a disparity. */
export interface AcrossDisparity {
  kind: 'across';
  metric: string;
  factors: string[];
  result: MetricResult;
  reasons: DisparityReason[];
}

export type Disparity = SliceDisparity | AcrossDisparity;

export type DisparityReason =
  | { kind: 'ratio'; ratio: number; bound: number }
  | { kind: 'gap'; gap: number; bound: number }
  | { kind: 'intervals' }
  | { kind: 'failedTest' };

/** Metrics where lower is better, by their name's words: error rates, FPR and FNR, WER, losses, distances, latency. */
const lowerIsBetterName = /(^|[^a-z])(error|err|loss|fpr|fnr|fdr|wer|cer|ter|mae|mse|rmse|mape|perplexity|ppl|latency|brier|eer|miss|distance|bias)([^a-z]|$)|false_?(positive|negative|discovery|omission)|logloss/i;

/** Whether higher values of the metric are better: its definition says so, else its name does. */
export function higherIsBetter(name: string, definition: MetricDefinition | undefined): boolean {
  return definition?.higherIsBetter ?? !lowerIsBetterName.test(name);
}

/** A slice as `factor → value` (`{age: old}`, or text `age=old, gender=male`); undefined for the whole population or an unreadable slice. */
export function sliceValues(slice: unknown): Map<string, string> | undefined {
  if (isRecord(slice)) return new Map(Object.entries(slice).map(([factor, value]) => [factor, String(value)]));
  if (typeof slice !== 'string') return undefined;
  const parts = slice.split(/\s*(?:,|&|\band\b)\s*/).filter((part) => part.length > 0);
  const pairs = parts.map((part) => /^([^=:]+?)\s*[=:]\s*(.+)$/.exec(part));
  return pairs.length > 0 && pairs.every((pair) => pair !== null) ? new Map(pairs.map((pair) => [pair![1], pair![2]])) : undefined;
}

/**
 * The disparities among the card's results: for each metric measured on several slices cut by the
 * same factors (on the same dataset, model, threshold and unit), the worst and the best slice when
 * the worst-to-best ratio of a higher-is-better rate is below `minRatio`, or the gap of a rate is
 * above `maxGap`, or their confidence intervals do not overlap; and each fairness test across
 * factors that failed its criterion, or whose ratio or difference is out of those bounds.
 */
export function disparities(card: ParsedCard, bounds: DisparityBounds): Disparity[] {
  const definitions = metricDefinitions(card);
  const results = metricResults(card).filter((result) => result.form === 'list' && typeof result.value === 'number' && Number.isFinite(result.value));
  const groups = new Map<string, { factors: string[]; results: MetricResult[] }>();
  for (const result of results) {
    if (result.across !== undefined) continue;
    const values = sliceValues(result.slice);
    if (!values || values.size === 0) continue;
    const factors = [...values.keys()].sort();
    const key = JSON.stringify([result.name, result.dataset, result.model, result.threshold, resultUnit(result, definitions.get(result.name)), factors]);
    const group = groups.get(key) ?? { factors, results: [] };
    group.results.push(result);
    groups.set(key, group);
  }
  const sliced = [...groups.values()].flatMap(({ factors, results: group }) => sliceDisparity(group, factors, definitions.get(group[0].name), bounds));
  const across = results.flatMap((result) => acrossDisparity(result, bounds));
  return [...sliced, ...across];
}

function sliceDisparity(results: MetricResult[], factors: string[], definition: MetricDefinition | undefined, bounds: DisparityBounds): SliceDisparity[] {
  if (results.length < 2) return [];
  const higher = higherIsBetter(results[0].name, definition);
  const ordered = [...results].sort((a, b) => (higher ? (a.value as number) - (b.value as number) : (b.value as number) - (a.value as number)));
  const worst = ordered[0];
  const best = ordered[ordered.length - 1];
  const worstValue = worst.value as number;
  const bestValue = best.value as number;
  const reasons: DisparityReason[] = [];
  const range = expectedRange(worst, definition)?.range;
  const isRate = range !== undefined && range[0] === 0 && (range[1] === 1 || range[1] === 100);
  if (isRate && higher && bestValue > 0 && worstValue / bestValue < bounds.minRatio) reasons.push({ kind: 'ratio', ratio: worstValue / bestValue, bound: bounds.minRatio });
  const gapBound = isRate ? bounds.maxGap * range[1] : undefined;
  if (gapBound !== undefined && Math.abs(bestValue - worstValue) > gapBound) reasons.push({ kind: 'gap', gap: Math.abs(bestValue - worstValue), bound: gapBound });
  if (worst.bounds && best.bounds && (worst.bounds[1] < best.bounds[0] || best.bounds[1] < worst.bounds[0])) reasons.push({ kind: 'intervals' });
  return reasons.length > 0 ? [{ kind: 'slices', metric: worst.name, factors, worst, best, reasons }] : [];
}

function acrossDisparity(result: MetricResult, bounds: DisparityBounds): AcrossDisparity[] {
  const factors = (typeof result.across === 'string' ? [result.across] : Array.isArray(result.across) ? result.across : []).filter((factor): factor is string => typeof factor === 'string');
  if (factors.length === 0) return [];
  const value = result.value as number;
  const reasons: DisparityReason[] = [];
  const acceptance = isRecord(result.acceptance) ? result.acceptance : undefined;
  if (acceptance && typeof acceptance.passed === 'boolean') {
    if (!acceptance.passed) reasons.push({ kind: 'failedTest' });
  } else if (/ratio|disparate_?impact/i.test(result.name)) {
    const ratio = value > 1 ? 1 / value : value;
    if (ratio < bounds.minRatio) reasons.push({ kind: 'ratio', ratio, bound: bounds.minRatio });
  } else if (/difference|gap|diff$/i.test(result.name) && Math.abs(value) > bounds.maxGap) {
    reasons.push({ kind: 'gap', gap: Math.abs(value), bound: bounds.maxGap });
  }
  return reasons.length > 0 ? [{ kind: 'across', metric: result.name, factors, result, reasons }] : [];
}
