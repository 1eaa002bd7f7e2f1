import { isSeq, type Node } from 'yaml';
import type { ParsedCard } from '../parsing/parsedCard';
import type { AnyPair } from '../parsing/yamlNodes';
import type { CardLayout } from './cardLayout';
import { sequenceIndent } from './keyEdits';
import { indentLines, insertAfter, isNullScalar, nodeColumn, replaceNullValue, type OffsetEdit } from './lineEdits';

/** An item to append to a list, written both ways: block lines (`- a: 1`, `  b: 2`) and one flow entry (`{a: 1, b: 2}`). */
export interface ListItem {
  lines: string[];
  flow: string;
}

/**
 * The edit that appends `item` to the list that is `pair`'s value, in the list's own style: a
 * block item after the last one, a flow entry before the closing bracket, or a first block item
 * under an empty key. Undefined when the value is not a list.
 */
export function appendListItem(card: ParsedCard, pair: AnyPair, item: ListItem, layout: CardLayout): OffsetEdit | undefined {
  const list = pair.value as Node | null;
  if (isNullScalar(list)) return replaceNullValue(card.text, list, indentLines(item.lines, nodeColumn(card.text, pair.key as Node) + sequenceIndent(layout)), layout.eol);
  if (!isSeq(list) || !list.range) return undefined;
  if (list.flow) return appendToFlow(list.range, list.items.length, item.flow);
  const lastItem = list.items[list.items.length - 1] as Node | undefined;
  if (!lastItem?.range) return undefined;
  return insertAfter(card.text, lastItem.range[1], indentLines(item.lines, nodeColumn(card.text, list)), layout.eol);
}

/** Adds `entry` at the end of a flow collection (`[a]`, `{a: 1}`), before its closing bracket. */
function appendToFlow(range: readonly number[], itemCount: number, entry: string): OffsetEdit {
  const closing = range[1] - 1;
  return { start: closing, end: closing, text: itemCount > 0 ? `, ${entry}` : entry };
}

/** A mapping's `[key, YAML value]` entries as a list item's block lines. */
export function mappingItemLines(fields: readonly [string, string][]): string[] {
  const [first, ...rest] = fields.map(([key, value]) => `${key}: ${value}`);
  return [`- ${first}`, ...rest.map((line) => `  ${line}`)];
}

/** A mapping's `[key, YAML value]` entries as one flow mapping. */
export function flowMapping(fields: readonly [string, string][]): string {
  return `{${fields.map(([key, value]) => `${key}: ${value}`).join(', ')}}`;
}
