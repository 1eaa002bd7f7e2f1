import { isNode } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedCard } from './parsedCard';
import type { AnyPair } from './yamlNodes';
import { trimmedEnd } from '../text/lines';

/** Offsets [start, end) into the card's text. */
export type Span = [number, number];

/** A node's text, without the line break and blank lines a block list or mapping runs on to. */
export function nodeSpan(card: ParsedCard, node: unknown): Span | undefined {
  if (!isNode(node) || !node.range) return undefined;
  const [start, end] = node.range;
  return [start, trimmedEnd(card.text, start, end)];
}

/** A `key: value` pair's text, from its key to the end of its value. */
export function pairSpan(card: ParsedCard, pair: AnyPair): Span | undefined {
  const key = nodeSpan(card, pair.key);
  const value = nodeSpan(card, pair.value);
  if (!key || !value) return key ?? value;
  return [key[0], Math.max(key[1], value[1])];
}

export function toRange(card: ParsedCard, [start, end]: Span): Range {
  return { start: card.document.positionAt(start), end: card.document.positionAt(end) };
}

export function lineOf(card: ParsedCard, offset: number): number {
  return card.document.positionAt(offset).line;
}
