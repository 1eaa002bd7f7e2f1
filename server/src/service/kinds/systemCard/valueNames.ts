import type { ParsedCard } from '../../parsing/parsedCard';
import type { CardPath } from '../../parsing/yamlNodes';
import type { Term } from '../../vocabulary/vocabularies';
import { components } from './systemData';

/** The ids of the card's components where an edge's end or a failure mode's component is written. */
export function systemCardValueNames(card: ParsedCard, path: CardPath): Term[] {
  const [section, index, field] = path;
  const namesComponent =
    typeof index === 'number' &&
    ((section === 'data_flow' && (field === 'from' || field === 'to') && path.length === 3) ||
      (section === 'failure_modes' && field === 'components' && path.length === 4));
  if (!namesComponent) return [];
  return components(card).map(({ id, kind }) => ({ id, name: '', detail: kind ? `${kind} · declared in this card` : 'declared in this card' }));
}
