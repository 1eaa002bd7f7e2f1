import { declaredFactors, declaredVariants, evaluationDatasetNames, metricDefinitions } from '../../card/cardData';
import { monitors } from '../../card/monitoring';
import { isRecord } from '../../card/values';
import type { ParsedCard } from '../../parsing/parsedCard';
import type { CardPath } from '../../parsing/yamlNodes';
import { metricNames } from '../../vocabulary/metricNames';
import type { Term } from '../../vocabulary/vocabularies';

/**
 * Names that fit at `path` inside a metric result: the card's own datasets for `dataset`, its
 * factors (and their values) in a `slice` and for `across`, its variants for `model`, common
 * metrics for `name`.
 */
export function modelCardValueNames(card: ParsedCard, path: CardPath): Term[] {
  const [section, index, field, factor] = path;
  if (section !== 'metrics' || typeof index !== 'number') return [];
  const declared = (names: Iterable<string>) => [...names].map((id) => ({ id, name: '', detail: 'declared in this card' }));
  if (field === 'dataset' && path.length === 3) return declared(evaluationDatasetNames(card));
  if (field === 'name' && path.length === 3) return metricNames;
  if (field === 'slice' && path.length === 3) return declared(['overall', ...declaredFactors(card).keys()]);
  if (field === 'slice' && typeof factor === 'string') return declared(declaredFactors(card).get(factor) ?? []);
  if (field === 'across') return declared(declaredFactors(card).keys());
  if (field === 'model' && path.length === 3) return declared(declaredVariants(card));
  return [];
}

/**
 * Metric names for the keys of the short-form `metrics` map (`accuracy: 0.92`): the metrics the
 * card defines under `metric_definitions` and watches under `monitoring`, then common metrics.
 */
export function modelCardKeyNames(card: ParsedCard, path: CardPath): Term[] {
  if (path.length !== 1 || path[0] !== 'metrics') return [];
  if (Array.isArray(isRecord(card.value) ? card.value.metrics : undefined)) return [];
  const ofCard = (names: Iterable<string>, detail: string) => [...names].map((id) => ({ id, name: '', detail }));
  return [
    ...ofCard(metricDefinitions(card).keys(), 'defined in this card'),
    ...ofCard(monitors(card).flatMap((monitor) => (monitor.metric ? [monitor.metric] : [])), 'watched by a monitor in this card'),
    ...metricNames,
  ];
}
