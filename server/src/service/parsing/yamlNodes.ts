import { isMap, isNode, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ParsedCard } from './parsedCard';

/** A location in the card's data: keys of mappings and indexes of lists. */
export type CardPath = readonly (string | number)[];

export type AnyPair = Pair<unknown, unknown>;

/** Mappings with more items than this get a key index, so looking up every key of a huge mapping stays linear. */
const smallMapSize = 32;
const keyIndexes = new WeakMap<YAMLMap, { itemCount: number; pairByKey: Map<string, AnyPair> }>();

/** The pair of `map` whose scalar key is `key` (the first one, if the key is duplicated). */
export function findPair(map: YAMLMap, key: string): AnyPair | undefined {
  if (map.items.length <= smallMapSize) return map.items.find((pair) => keyText(pair) === key) as AnyPair | undefined;
  return keyIndex(map).get(key);
}

function keyIndex(map: YAMLMap): Map<string, AnyPair> {
  let index = keyIndexes.get(map);
  // Parsed cards are not edited in place, but a mapping that gained or lost items gets a fresh index.
  if (!index || index.itemCount !== map.items.length) {
    const pairByKey = new Map<string, AnyPair>();
    for (const pair of map.items as AnyPair[]) {
      const text = keyText(pair);
      if (text !== undefined && !pairByKey.has(text)) pairByKey.set(text, pair);
    }
    index = { itemCount: map.items.length, pairByKey };
    keyIndexes.set(map, index);
  }
  return index.pairByKey;
}

function keyText(pair: AnyPair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** The node at `path` below `node`, or undefined. Aliases are not followed. */
export function nodeAt(node: unknown, path: CardPath): Node | undefined {
  let current: unknown = node;
  for (const segment of path) {
    if (isMap(current) && typeof segment === 'string') {
      current = findPair(current, segment)?.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      current = current.items[segment];
    } else {
      return undefined;
    }
  }
  return isNode(current) ? current : undefined;
}

/** The pair that holds the last segment of `path` (which must be a key), or undefined. */
export function pairAt(node: unknown, path: CardPath): AnyPair | undefined {
  const key = path[path.length - 1];
  const parent = nodeAt(node, path.slice(0, -1));
  return typeof key === 'string' && isMap(parent) ? findPair(parent, key) : undefined;
}

/** Offsets [start, end) of a node's value, without trailing comments or blank lines. */
export function spanOf(node: Node): [number, number] {
  const [start, valueEnd] = node.range ?? [0, 0];
  return [start, valueEnd];
}

/** The span of the key of the pair at `path`, when the path ends with a key that is present. */
export function keySpanAt(card: ParsedCard, path: CardPath): [number, number] | undefined {
  const pair = pairAt(card.root, path);
  return pair && isNode(pair.key) ? spanOf(pair.key) : undefined;
}

/**
 * Where to report that something is missing inside the mapping at `parentPath`: on the key of
 * that mapping, or, at the top level, on the card's first key (never the whole document).
 */
export function missingAnchor(card: ParsedCard, parentPath: CardPath): [number, number] {
  for (let length = parentPath.length; length > 0; length--) {
    const span = keySpanAt(card, parentPath.slice(0, length));
    if (span) return span;
  }
  const firstKey = card.root?.items[0]?.key;
  if (isNode(firstKey)) return spanOf(firstKey);
  const start = card.yaml?.contents?.range[0] ?? 0;
  return [start, start];
}

/** The span to underline for the value at `path` (or its key when the value is empty). */
export function valueSpanAt(card: ParsedCard, path: CardPath): [number, number] | undefined {
  const node = nodeAt(card.root, path);
  if (node && node.range) return spanOf(node);
  return keySpanAt(card, path);
}

/** A node met on a walk, with its path from the walk's root and its key in the mapping that holds it. */
interface WalkedNode {
  node: Node;
  path: CardPath;
  key: Node | undefined;
}

/** The nodes below each root walked, in walk order: the rules and features of one parse all walk the same tree. */
const walks = new WeakMap<Node, WalkedNode[]>();

/**
 * Calls `visit` for every node below `root`, depth first in document order, without recursion
 * (cards can nest deeply). The walk stops when `visit` returns false. With `skip`, the nodes it
 * names are not visited, nor anything below them.
 */
export function walkNodes(
  root: Node | undefined,
  visit: (node: Node, path: CardPath, key: Node | undefined) => void | boolean,
  skip?: (node: Node) => boolean,
): void {
  if (!root) return;
  if (skip) {
    visitNodes(root, visit, skip);
    return;
  }
  let walked = walks.get(root);
  if (!walked) {
    walked = [];
    visitNodes(root, (node, path, key) => void walked!.push({ node, path, key }));
    walks.set(root, walked);
  }
  for (const { node, path, key } of walked) if (visit(node, path, key) === false) return;
}

/** Meets the nodes below `root` in walk order, as walkNodes does but keeping nothing, leaving out those `skip` names; stops when `meet` returns false. */
export function visitNodes(root: Node | undefined, meet: (node: Node, path: CardPath, key: Node | undefined) => void | boolean, skip: (node: Node) => boolean = () => false): void {
  if (!root) return;
  const stack: WalkedNode[] = [{ node: root, path: [], key: undefined }];
  while (stack.length > 0) {
    const { node, path, key } = stack.pop()!;
    if (meet(node, path, key) === false) return;
    const children: WalkedNode[] = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        const childKey = isNode(pair.key) ? pair.key : undefined;
        const segment = isScalar(pair.key) ? String(pair.key.value) : '?';
        if (isNode(pair.value) && !skip(pair.value)) children.push({ node: pair.value, path: [...path, segment], key: childKey });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (isNode(item) && !skip(item)) children.push({ node: item, path: [...path, index], key: undefined });
      });
    }
    // One push per child: spreading a list of 100,000 items into push() overflows the call stack.
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
}
