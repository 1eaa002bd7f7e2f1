import { isNode, isScalar } from 'yaml';
import type { ParsedCard } from '../parsing/parsedCard';
import { nodeAt, type CardPath } from '../parsing/yamlNodes';
import type { TrackerKind } from '../trackers/trackerTypes';
import { metricResults } from './cardData';
import { isRecord } from './values';

/** Where a bound value comes from: a metric of a tracker run (`source` on a metric result). */
export interface MetricSource {
  tracker: TrackerKind;
  /** The store as the card writes it (relative to the card, unless it is an absolute path). */
  store: string;
  run: string;
  key: string;
}

/** A metric result bound to a run, with its value as the card writes it. */
export interface MetricBinding {
  /** Path of the result mapping (`['metrics', 2]`). */
  path: CardPath;
  name: string;
  source: MetricSource;
  /** The card's value, when it is a number. */
  value?: number;
  /** The value's text in the card (`0.92`, `9.2e-1`), for its precision. */
  valueText?: string;
}

const trackers: readonly string[] = ['mlflow', 'wandb'];

/** The well-formed `source` of a metric result, or undefined (the schema rules report a malformed one). */
export function metricSource(value: unknown): MetricSource | undefined {
  if (!isRecord(value) || !trackers.includes(String(value.tracker))) return undefined;
  const { store, run, key } = value;
  if ([store, run, key].some((part) => typeof part !== 'string' || part === '')) return undefined;
  return { tracker: value.tracker as TrackerKind, store: store as string, run: run as string, key: key as string };
}

/** Every metric result of the card that names its source. */
export function metricBindings(card: ParsedCard): MetricBinding[] {
  return metricResults(card).flatMap((result) => {
    const source = result.form === 'list' ? metricSource(result.source) : undefined;
    if (!source) return [];
    const valueNode = nodeAt(card.root, [...result.path, 'value']);
    const numeric = typeof result.value === 'number';
    return [{
      path: result.path,
      name: result.name,
      source,
      ...(numeric ? { value: result.value as number } : {}),
      ...(numeric && isScalar(valueNode) && isNode(valueNode) && valueNode.range ? { valueText: card.text.slice(valueNode.range[0], valueNode.range[1]) } : {}),
    }];
  });
}

/** One key for the value a binding names, the same for every card that names it. */
export function bindingKey(source: MetricSource): string {
  return [source.tracker, source.store, source.run, source.key].join('\u0000');
}

/** An absolute store path works on one machine only (`/home/...`, `C:\...`, `~/...`, `file:...`). */
export function isAbsoluteStorePath(store: string): boolean {
  return /^(?:[\\/]|~[\\/]|[A-Za-z]:[\\/]|file:)/.test(store);
}
