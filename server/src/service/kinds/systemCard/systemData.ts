import { isRecord } from '../../card/values';
import type { ParsedCard } from '../../parsing/parsedCard';
import type { CardPath } from '../../parsing/yamlNodes';

/** A component of a system card, as far as it states an id. */
export interface Component {
  id: string;
  kind?: string;
  /** Its path in the card: `['components', 2]`. */
  path: CardPath;
}

/** An edge of the data flow that names both of its ends. */
export interface Edge {
  from: string;
  to: string;
  /** Its path in the card: `['data_flow', 3]`. */
  path: CardPath;
}

/** The components that state an id (a text), in the card's order; duplicates included. */
export function components(card: ParsedCard): Component[] {
  const list = isRecord(card.value) ? card.value.components : undefined;
  return (Array.isArray(list) ? list : []).flatMap((item, index): Component[] =>
    isRecord(item) && typeof item.id === 'string' ? [{ id: item.id, ...(typeof item.kind === 'string' ? { kind: item.kind } : {}), path: ['components', index] }] : [],
  );
}

/** The ids of the components, or undefined when `components` is not a list (then nothing can be checked against it). */
export function componentIds(card: ParsedCard): Set<string> | undefined {
  const list = isRecord(card.value) ? card.value.components : undefined;
  return Array.isArray(list) ? new Set(components(card).map((component) => component.id)) : undefined;
}

/** The data-flow edges whose `from` and `to` are texts, in the card's order. */
export function edges(card: ParsedCard): Edge[] {
  const list = isRecord(card.value) ? card.value.data_flow : undefined;
  return (Array.isArray(list) ? list : []).flatMap((item, index): Edge[] =>
    isRecord(item) && typeof item.from === 'string' && typeof item.to === 'string' ? [{ from: item.from, to: item.to, path: ['data_flow', index] }] : [],
  );
}
