import { isMap, isSeq } from 'yaml';
import type { Position, SelectionRange } from 'vscode-languageserver-types';
import type { ParsedCard } from '../parsing/parsedCard';
import type { AnyPair } from '../parsing/yamlNodes';
import { nodeSpan, pairSpan, toRange, type Span } from '../parsing/nodeSpans';

/** A selection expands through at most this many levels (the innermost ones), then to the whole document. */
export const maxSelectionDepth = 100;

/** For each position, the ranges that "expand selection" steps through: scalar → pair → mapping or list → ... → document. */
export function selectionRanges(card: ParsedCard, positions: readonly Position[]): SelectionRange[] {
  return positions.map((position) => chainOf(card, enclosingSpans(card, card.document.offsetAt(position))));
}

/**
 * The spans around `offset`, outermost (the document) first, found by walking down without
 * recursion. Each one contains `offset` and lies within the one before it, as LSP requires.
 */
function enclosingSpans(card: ParsedCard, offset: number): Span[] {
  const spans: Span[] = [[0, card.text.length]];
  const add = (span: Span | undefined) => {
    if (!covers(span, offset)) return;
    const outer = spans[spans.length - 1];
    const inner: Span = [Math.max(span[0], outer[0]), Math.min(span[1], outer[1])];
    if (inner[0] !== outer[0] || inner[1] !== outer[1]) spans.push(inner);
  };
  let node: unknown = card.root;
  while (node !== undefined) {
    add(nodeSpan(card, node));
    if (isMap(node)) {
      const pair = (node.items as AnyPair[]).find((candidate) => covers(pairSpan(card, candidate), offset));
      if (!pair) break;
      add(pairSpan(card, pair));
      const key = nodeSpan(card, pair.key);
      if (key && covers(key, offset)) {
        add(key);
        break;
      }
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items.find((item) => covers(nodeSpan(card, item), offset));
    } else {
      break;
    }
  }
  return spans;
}

function covers(span: Span | undefined, offset: number): span is Span {
  return !!span && span[0] <= offset && offset <= span[1];
}

/** The linked selection ranges, innermost first, keeping the document and the innermost levels. */
function chainOf(card: ParsedCard, spans: Span[]): SelectionRange {
  const kept = spans.length > maxSelectionDepth ? [spans[0], ...spans.slice(spans.length - maxSelectionDepth + 1)] : spans;
  let chain: SelectionRange | undefined;
  for (const span of kept) chain = { range: toRange(card, span), parent: chain };
  return chain!;
}
