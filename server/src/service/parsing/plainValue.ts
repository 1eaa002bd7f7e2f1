import { isAlias, isMap, isNode, isPair, isScalar, isSeq } from 'yaml';

/** Values that aliases may copy into the card before we call it a resource-exhaustion attack ("billion laughs"). */
export const maxAliasCopies = 10_000;

/** The card as plain data, or `aliasBomb` when its aliases would copy more than `maxAliasCopies` values. */
export type PlainValueResult = { value: unknown } | { aliasBomb: true };

/** A value built, and how many values it holds with what its aliases copy counted in full. */
interface Built {
  value: unknown;
  size: number;
}

/** A mapping or list being built, and the next of its entries to visit. */
interface Frame {
  /** The collection's node (undefined for a bare pair, which the library keeps in `!!omap` lists). */
  node: unknown;
  value: Record<string, unknown> | unknown[];
  pairs?: readonly { key: unknown; value: unknown }[];
  items?: readonly unknown[];
  index: number;
  /** In a mapping: the key of the pair at `index` has been visited. */
  keyVisited: boolean;
  size: number;
  /** A collection used as a key is built only for the anchors inside it. */
  isKey: boolean;
}

/**
 * The plain data of a parsed YAML tree, as the YAML library's toJS() gives it, built without
 * recursion, in time linear in the tree and in what aliases copy. The library's toJS() recurses
 * (deep cards overflow the stack), prints every collection used as a key again at each level of
 * nesting (nested collection keys took minutes), and resolves each alias by walking the whole
 * document. Here a collection key is named by its source text, and an alias takes the value built
 * for the latest anchor of its name before it: `checkTree` has already rejected an alias with no
 * anchor, or inside the value it names.
 */
export function plainValue(root: unknown, text: string): PlainValueResult {
  const anchors = new Map<string, Built>();
  const stack: Frame[] = [];
  let copies = 0;
  let result: Built = { value: null, size: 1 };

  const remember = (node: unknown, built: Built) => {
    if (isNode(node) && node.anchor) anchors.set(node.anchor, built);
  };
  const push = (node: unknown, isKey: boolean) => {
    const pairs = isMap(node) ? node.items : isPair(node) ? [node] : undefined;
    const items = isSeq(node) ? node.items : undefined;
    stack.push({ node, value: items ? [] : {}, pairs, items, index: 0, keyVisited: false, size: 1, isKey });
  };
  /** Adds a built value to the innermost open collection, as its next entry. */
  const deliver = (built: Built) => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      result = built;
      return;
    }
    parent.size += built.size;
    if (Array.isArray(parent.value)) {
      parent.value.push(built.value);
    } else {
      const { key } = parent.pairs![parent.index];
      if (isScalar(key) && typeof key.value === 'symbol') mergeInto(parent.value, built.value);
      else setEntry(parent.value, keyText(key, text, anchors), built.value);
    }
    parent.index++;
    parent.keyVisited = false;
  };
  const visitValue = (node: unknown) => {
    if (isMap(node) || isSeq(node) || isPair(node)) return push(node, false);
    if (isAlias(node)) {
      const target = anchors.get(node.source) ?? { value: null, size: 1 };
      copies += target.size;
      return deliver(target);
    }
    const built = { value: scalarValue(node), size: 1 };
    remember(node, built);
    deliver(built);
  };
  const visitKey = (key: unknown) => {
    if (isMap(key) || isSeq(key)) push(key, true);
    else if (isScalar(key)) remember(key, { value: scalarValue(key), size: 1 });
  };

  visitValue(root);
  while (stack.length > 0) {
    if (copies > maxAliasCopies) return { aliasBomb: true };
    const frame = stack[stack.length - 1];
    const entries = frame.items ?? frame.pairs!;
    if (frame.index >= entries.length) {
      stack.pop();
      const built = { value: frame.value, size: frame.size };
      remember(frame.node, built);
      if (!frame.isKey) deliver(built);
    } else if (frame.items) {
      visitValue(frame.items[frame.index]);
    } else if (!frame.keyVisited) {
      frame.keyVisited = true;
      visitKey(frame.pairs![frame.index].key);
    } else {
      visitValue(frame.pairs![frame.index].value);
    }
  }
  return copies > maxAliasCopies ? { aliasBomb: true } : { value: result.value };
}

function scalarValue(node: unknown): unknown {
  if (!isScalar(node)) return null;
  return typeof node.value === 'bigint' ? Number(node.value) : node.value;
}

/** A key as the library names it: a scalar's value as text (null as ''); a collection, or an alias of one, by its source text. */
function keyText(key: unknown, text: string, anchors: ReadonlyMap<string, Built>): string {
  const value = isScalar(key) ? key.value : isAlias(key) ? anchors.get(key.source)?.value : undefined;
  if (isScalar(key) || isAlias(key)) {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'object') return String(value);
  }
  const range = isNode(key) ? key.range : undefined;
  return range ? text.slice(range[0], range[1]).trim() : '';
}

/** `object[key] = value`, also for a key such as `__proto__`, which must stay an ordinary entry. */
export function setEntry(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

/** A YAML 1.1 merge key (`<<: *defaults`): the entries of the merged mappings that the mapping does not have yet. */
function mergeInto(object: Record<string, unknown>, merged: unknown): void {
  for (const source of Array.isArray(merged) ? merged : [merged]) {
    if (typeof source !== 'object' || source === null || Array.isArray(source)) continue;
    for (const [key, value] of Object.entries(source)) {
      if (!Object.prototype.hasOwnProperty.call(object, key)) setEntry(object, key, value);
    }
  }
}
