import { isMap, isScalar, isSeq } from 'yaml';
import type { ParsedCard } from '../parsing/parsedCard';
import { findPair, nodeAt } from '../parsing/yamlNodes';
import type { DocumentLink } from './documentKind';

/**
 * The links written as `field: <relative path>` in the items of the top-level lists `listKeys`
 * (`components[].card`), each item named by its `nameKey` (`id`). Empty values are no links.
 */
export function itemLinks(card: ParsedCard, listKeys: readonly string[], field: string, nameKey: string, expects: readonly string[]): DocumentLink[] {
  return listKeys.flatMap((listKey) => {
    const list = nodeAt(card.root, [listKey]);
    if (!isSeq(list)) return [];
    return list.items.flatMap((item, index): DocumentLink[] => {
      if (!isMap(item)) return [];
      const value = findPair(item, field)?.value;
      if (!isScalar(value) || typeof value.value !== 'string' || value.value.trim() === '' || !value.range) return [];
      const name = findPair(item, nameKey)?.value;
      const from = isScalar(name) && name.value !== null ? String(name.value) : undefined;
      return [{ target: value.value, path: [listKey, index, field], start: value.range[0], end: value.range[1], expects, ...(from !== undefined ? { from } : {}) }];
    });
  });
}
