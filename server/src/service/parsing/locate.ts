import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { CardPath } from './yamlNodes';

/** What sits at an offset: a key, or a scalar value, with its path in the card. */
export interface Location {
  path: CardPath;
  target: 'key' | 'value';
  node: Node;
}

/** The key or scalar value under `offset`, found by walking down from the root (no recursion). */
export function locate(root: YAMLMap | undefined, offset: number): Location | undefined {
  const path: (string | number)[] = [];
  let current: unknown = root;
  while (current) {
    if (isMap(current)) {
      const pair = current.items.find(({ key, value }) => covers(key, offset) || covers(value, offset));
      if (!pair) return undefined;
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (covers(pair.key, offset)) return { path: [...path, key], target: 'key', node: pair.key as Node };
      path.push(key);
      current = pair.value;
    } else if (isSeq(current)) {
      const index = current.items.findIndex((item) => covers(item, offset));
      if (index < 0) return undefined;
      path.push(index);
      current = current.items[index];
    } else {
      return isScalar(current) ? { path, target: 'value', node: current } : undefined;
    }
  }
  return undefined;
}

function covers(node: unknown, offset: number): boolean {
  const range = (node as Node | null)?.range;
  return !!range && range[0] <= offset && offset < Math.max(range[1], range[0] + 1);
}
