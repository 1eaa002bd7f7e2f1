import { Composer, CST, Parser, type Document } from 'yaml';

/** Deeper than this, a card is not a card: its plain value is not built (nor schema-checked). */
export const maxNestingDepth = 100;

/** A slot of the syntax tree that holds a token: `holder[field]`. */
interface Slot {
  holder: Record<string, unknown>;
  field: string;
  depth: number;
}

/**
 * The YAML documents of `text`, read by the YAML library without ever recursing deeper than
 * `maxNestingDepth` levels: a collection nested deeper than that (as a value or as a key) is
 * replaced by an empty value before the library builds its nodes. The library builds nodes by
 * recursion, so deep nesting ran it out of stack at a depth that changed from run to run, and
 * cost time for nothing. `checkTree` reports the empty value that took its place.
 */
export function parseBounded(text: string, options: ConstructorParameters<typeof Composer>[0]): Document.Parsed[] {
  const tokens = [...new Parser().parse(text)];
  for (const token of tokens) if (token.type === 'document') cutTooDeep(token);
  return [...new Composer(options).compose(tokens)];
}

/** Replaces each collection deeper than `maxNestingDepth` below `document` with an empty plain scalar; no recursion. */
function cutTooDeep(document: CST.Document): void {
  const slots: Slot[] = [{ holder: document as unknown as Record<string, unknown>, field: 'value', depth: 0 }];
  while (slots.length > 0) {
    const { holder, field, depth } = slots.pop()!;
    const token = holder[field] as CST.Token | null | undefined;
    if (!CST.isCollection(token)) continue;
    if (depth > maxNestingDepth) {
      holder[field] = { type: 'scalar', offset: token.offset, indent: token.indent, source: '', end: [] } satisfies CST.FlowScalar;
      continue;
    }
    for (const item of token.items as Record<string, unknown>[]) {
      slots.push({ holder: item, field: 'key', depth: depth + 1 }, { holder: item, field: 'value', depth: depth + 1 });
    }
  }
}
