import { declaredFactors, declaredVariants, evaluationDatasetNames } from '../../card/cardData';
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
