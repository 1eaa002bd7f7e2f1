import { Composer, CST, Parser, type Document } from 'yaml';

/** Deeper than this, a card is not a card: its plain value is not built (nor schema-checked). */
export const maxNestingDepth = 100;

/** A slot of the syntax tree that holds a token: `holder[field]`. */
interface Slot {
  holder: Record<string, unknown>;
  field: string;
  depth: number;
}

/** Where a piece of a card's text sits in the card: its offset, and how deep its top node is (0 for the card's root). */
export interface Placement {
  offset: number;
  depth: number;
}

/**
 * The YAML documents of `text`, read by the YAML library without ever recursing deeper than
 * `maxNestingDepth` levels: a collection nested deeper than that (as a value or as a key) is
 * replaced by an empty value before the library builds its nodes. The library builds nodes by
 * recursion, so deep nesting ran it out of stack at a depth that changed from run to run, and
 * cost time for nothing. `checkTree` reports the empty value that took its place.
 *
 * `text` may be a piece of a card (`placement`): node ranges are then offsets into the card.
 */
export function parseBounded(text: string, options: ConstructorParameters<typeof Composer>[0], placement: Placement = { offset: 0, depth: 0 }): Document.Parsed[] {
  const parser = new Parser();
  parser.offset = placement.offset;
  const tokens = [...parser.parse(text)];
  for (const token of tokens) if (token.type === 'document') cutTooDeep(token, placement.depth);
  return [...new Composer(options).compose(tokens)];
}

/** Replaces each collection deeper than `maxNestingDepth` below `document` with an empty plain scalar; no recursion. */
function cutTooDeep(document: CST.Document, topDepth: number): void {
  const slots: Slot[] = [{ holder: document as unknown as Record<string, unknown>, field: 'value', depth: topDepth }];
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
