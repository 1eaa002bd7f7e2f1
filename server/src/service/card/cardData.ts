import type { ParsedCard } from '../parsing/parsedCard';
import type { CardPath } from '../parsing/yamlNodes';
import { isFiniteNumber, isRecord } from './values';

/** One metric result, in either form: `metrics: {accuracy: 0.9}` or a list of result mappings. */
export interface MetricResult {
  /** Path of the value (short form) or of the result mapping (list form). */
  path: CardPath;
  form: 'short' | 'list';
  name: string;
  value: unknown;
  dataset?: unknown;
  slice?: unknown;
  confidenceInterval?: unknown;
  /** The interval's bounds, when it has two finite numbers. */
  bounds?: [number, number];
  unit?: unknown;
  model?: unknown;
  across?: unknown;
  threshold?: unknown;
  acceptance?: unknown;
  /** The tracker run the value comes from (`source`, list form only). */
  source?: unknown;
}

const resultsByCardValue = new WeakMap<object, readonly MetricResult[]>();

/** The card's metric results, in either form; built once per parse, as every metric rule reads them. */
export function metricResults(card: ParsedCard): readonly MetricResult[] {
  if (!isRecord(card.value)) return [];
  let results = resultsByCardValue.get(card.value);
  if (!results) {
    results = readMetricResults(card.value);
    resultsByCardValue.set(card.value, results);
  }
  return results;
}

function readMetricResults(card: Record<string, unknown>): MetricResult[] {
  const metrics = card.metrics;
  if (isRecord(metrics)) {
    return Object.entries(metrics).map(([name, value]) => ({ path: ['metrics', name], form: 'short', name, value }));
  }
  if (!Array.isArray(metrics)) return [];
  return metrics.flatMap((result, index) =>
    isRecord(result)
      ? [{
          path: ['metrics', index],
          form: 'list' as const,
          name: String(result.name ?? ''),
          value: result.value,
          dataset: result.dataset,
          slice: result.slice,
          confidenceInterval: result.confidence_interval,
          bounds: intervalBounds(result.confidence_interval),
          unit: result.unit,
          model: result.model,
          across: result.across,
          threshold: result.threshold,
          acceptance: result.acceptance,
          source: result.source,
        }]
      : [],
  );
}

/** The path of an interval bound (`lower` or `upper`) of a list-form result. */
export function boundPath(result: MetricResult, bound: 0 | 1): CardPath {
  const path = [...result.path, 'confidence_interval'];
  return Array.isArray(result.confidenceInterval) ? [...path, bound] : [...path, bound === 0 ? 'lower' : 'upper'];
}

function intervalBounds(interval: unknown): [number, number] | undefined {
  const [lower, upper] = Array.isArray(interval) ? interval : isRecord(interval) ? [interval.lower, interval.upper] : [];
  return isFiniteNumber(lower) && isFiniteNumber(upper) ? [lower, upper] : undefined;
}

/** A metric's definition under `metric_definitions`. */
export interface MetricDefinition {
  name: string;
  range?: [number, number];
  unit?: string;
  higherIsBetter?: boolean;
}

/** The card's metric definitions, by metric name. */
export function metricDefinitions(card: ParsedCard): Map<string, MetricDefinition> {
  const list = isRecord(card.value) ? card.value.metric_definitions : undefined;
  const definitions = new Map<string, MetricDefinition>();
  for (const entry of Array.isArray(list) ? list : []) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || definitions.has(entry.name)) continue;
    const range = Array.isArray(entry.range) && entry.range.length === 2 && entry.range.every((bound) => typeof bound === 'number') ? (entry.range as [number, number]) : undefined;
    definitions.set(entry.name, {
      name: entry.name,
      range,
      unit: typeof entry.unit === 'string' ? entry.unit : undefined,
      higherIsBetter: typeof entry.higher_is_better === 'boolean' ? entry.higher_is_better : undefined,
    });
  }
  return definitions;
}

/** Names of the model variants the card declares under `variants`. */
export function declaredVariants(card: ParsedCard): string[] {
  const list = isRecord(card.value) ? card.value.variants : undefined;
  return Array.isArray(list) ? list.flatMap((variant) => (isRecord(variant) && typeof variant.name === 'string' ? [variant.name] : [])) : [];
}

/** Names of the datasets the card describes, or undefined when they are described in free text. */
export function declaredDatasets(card: ParsedCard): string[] | undefined {
  const data = isRecord(card.value) ? card.value : {};
  const lists = [data.evaluation_data, data.training_data];
  if (lists.some((list) => typeof list === 'string')) return undefined;
  return lists.flatMap((list) => (Array.isArray(list) ? list : [])).flatMap((dataset) => (isRecord(dataset) && typeof dataset.name === 'string' ? [dataset.name] : []));
}

export function evaluationDatasetNames(card: ParsedCard): string[] {
  const list = isRecord(card.value) ? card.value.evaluation_data : undefined;
  return Array.isArray(list) ? list.flatMap((dataset) => (isRecord(dataset) && typeof dataset.name === 'string' ? [dataset.name] : [])) : [];
}

/** Factors declared under `factors.relevant` and `factors.evaluation`, each with its declared values. */
export function declaredFactors(card: ParsedCard): Map<string, Set<string> | undefined> {
  const factors = isRecord(card.value) && isRecord(card.value.factors) ? card.value.factors : {};
  const declared = new Map<string, Set<string> | undefined>();
  for (const factor of [factors.relevant, factors.evaluation].flatMap((list) => (Array.isArray(list) ? list : []))) {
    if (typeof factor === 'string') {
      if (!declared.has(factor)) declared.set(factor, undefined);
    } else if (isRecord(factor) && typeof factor.name === 'string') {
      const values = Array.isArray(factor.values) ? new Set(factor.values.map(String)) : undefined;
      declared.set(factor.name, values ?? declared.get(factor.name));
    }
  }
  return declared;
}

/** The governance status, when the card states a valid one. */
export function governanceStatus(card: ParsedCard): string | undefined {
  const governance = isRecord(card.value) ? card.value.governance : undefined;
  return isRecord(governance) && typeof governance.status === 'string' ? governance.status : undefined;
}
