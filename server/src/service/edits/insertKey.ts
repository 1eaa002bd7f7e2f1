import { isDeepStrictEqual } from 'node:util';
import { isMap, isNode, isScalar, parse, type Pair, type Range, type Scalar, type YAMLMap } from 'yaml';
import { cardLayout, type CardLayout } from './cardLayout';
import { endOfLine, indentLines } from './lineEdits';
import type { ParsedCard } from '../parsing/parsedCard';
import { findPair, nodeAt, pairAt, type CardPath } from '../parsing/yamlNodes';
import { keySkeleton } from '../schema/skeletons';
import { commentIndent, isBlankLine, lineAt, lineStart, nextLineStart, trimmedEnd } from '../text/lines';

/** Text to insert at an offset of the card: one missing key with its value. */
export interface KeyInsertion {
  offset: number;
  text: string;
}

/** A pair with a plain key that has a position: the pairs an inserted key is placed around. */
type PlacedPair = Pair<Scalar & { range: Range }, unknown>;

/** Where the new key goes, relative to a sibling already in the card. */
type Anchor = { after: PlacedPair } | { before: PlacedPair };

/**
 * The insertion of the missing key at `path` (with `valueText`, or the schema's skeleton, as its
 * value) at its place in the schema's order: after the last sibling that comes before it, else
 * before the first that comes after it. It follows the card's indentation and line ending, keeps
 * comments with the keys they describe, and never lands inside another key's block. Undefined when
 * no safe place exists: the parent is absent, not a mapping (an empty `key:` is fine), the key is
 * present, or the YAML itself is broken (its layout cannot be trusted).
 */
export function keyInsertion(card: ParsedCard, path: CardPath, placeholder: string, valueText?: string): KeyInsertion | undefined {
  const key = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length === 0 ? card.root : nodeAt(card.root, parentPath);
  if (typeof key !== 'string' || !hasTrustworthyLayout(card)) return undefined;
  const layout = cardLayout(card);
  const keyLines = keySkeleton(card.kind.schema, path, { ...layout, placeholder }, valueText).split('\n');
  if (!isMap(parent)) return underEmptyKey(card, parentPath, keyLines, layout);
  const siblings = placedPairs(parent);
  if (findPair(parent, key) || siblings.length < parent.items.length) return undefined;
  const anchor = anchorFor(siblings, card.kind.schema.propertiesAt(parentPath), key);
  if (parent.flow) return flowInsertion(card.text, parent, anchor, keyLines);
  return anchor && blockInsertion(card.text, siblings, anchor, keyLines, layout.eol);
}

function hasTrustworthyLayout(card: ParsedCard): boolean {
  return card.problems.every((problem) => problem.kind !== 'syntax' && problem.kind !== 'tabIndent');
}

function placedPairs(map: YAMLMap): PlacedPair[] {
  return map.items.filter((pair): pair is PlacedPair => isScalar(pair.key) && !!pair.key.range);
}

/** Where `key` goes among `siblings`, by the order of `properties` (the schema's). */
function anchorFor(siblings: PlacedPair[], properties: readonly [string, unknown][], key: string): Anchor | undefined {
  const order = properties.map(([name]) => name);
  const rank = (pair: PlacedPair) => order.indexOf(String(pair.key.value));
  const keyRank = order.indexOf(key);
  const known = keyRank < 0 ? [] : siblings.filter((pair) => rank(pair) >= 0);
  const previous = known.filter((pair) => rank(pair) < keyRank).sort((a, b) => rank(b) - rank(a))[0];
  if (previous) return { after: previous };
  const next = known.filter((pair) => rank(pair) > keyRank).sort((a, b) => rank(a) - rank(b))[0];
  if (next) return { before: next };
  const last = siblings[siblings.length - 1];
  return last && { after: last };
}

function blockInsertion(text: string, siblings: PlacedPair[], anchor: Anchor, keyLines: string[], eol: string): KeyInsertion {
  const sibling = 'after' in anchor ? anchor.after : anchor.before;
  const keyStart = sibling.key.range[0];
  const column = keyStart - lineStart(text, keyStart);
  const blankLine = separatedByBlankLines(text, siblings, sibling) ? eol : '';
  if ('after' in anchor) {
    const offset = endOfBlock(text, anchor.after, column);
    const body = indentLines(keyLines, column).join(eol);
    const atEndWithoutLineBreak = offset === text.length && !text.endsWith('\n');
    return { offset, text: atEndWithoutLineBreak ? eol + blankLine + body : blankLine + body + eol };
  }
  if (text.slice(lineStart(text, keyStart), keyStart).trim() !== '') {
    // The sibling follows `- ` on its line: the new key takes its place there and the sibling moves down.
    const [first, ...rest] = keyLines;
    return { offset: keyStart, text: [first, ...indentLines(rest, column)].join(eol) + eol + ' '.repeat(column) };
  }
  const offset = startOfLeadingComments(text, lineStart(text, keyStart), column);
  return { offset, text: indentLines(keyLines, column).join(eol) + eol + blankLine };
}

/**
 * Under a key with no value yet (`intended_use:`, perhaps with a comment after it), the new key
 * goes on the next line, one level in. An explicit `~` or `null` is left alone (no safe insertion).
 */
function underEmptyKey(card: ParsedCard, parentPath: CardPath, keyLines: string[], layout: CardLayout): KeyInsertion | undefined {
  const pair = pairAt(card.root, parentPath);
  const holder = nodeAt(card.root, parentPath.slice(0, -1));
  const value = pair?.value;
  if (!isMap(holder) || holder.flow || !isScalar(value) || value.value !== null || !value.range || value.range[0] !== value.range[1]) return undefined;
  const keyStart = (pair!.key as Scalar).range![0];
  const indent = keyStart - lineStart(card.text, keyStart) + layout.indentSize;
  return { offset: endOfLine(card.text, value.range[0]), text: layout.eol + indentLines(keyLines, indent).join(layout.eol) };
}

/** Where a pair's value ends (its key's end when it has no value). */
function valueEnd(pair: PlacedPair): number {
  const value = isNode(pair.value) ? pair.value.range?.[1] : undefined;
  return Math.max(pair.key.range[1], value ?? 0);
}

/**
 * The start of the line after the pair's block: after its last line, and after the comment lines
 * indented under it (they belong to it), but before comments at the key's own indentation (they
 * belong to the key that follows).
 */
function endOfBlock(text: string, pair: PlacedPair, column: number): number {
  const end = valueEnd(pair);
  let blockEnd = text[end - 1] === '\n' ? end : nextLineStart(text, end);
  for (let start = blockEnd; start < text.length; start = nextLineStart(text, start)) {
    const line = lineAt(text, start);
    if (isBlankLine(line)) continue;
    const indent = commentIndent(line);
    if (indent === undefined || indent <= column) break;
    blockEnd = nextLineStart(text, start);
  }
  return blockEnd;
}

/**
 * The start of the comment lines right above a key at its indentation: they describe it and stay
 * with it. A comment block at the very top of the document is the card's header and stays first.
 */
function startOfLeadingComments(text: string, keyLineStart: number, column: number): number {
  let start = keyLineStart;
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    if (commentIndent(lineAt(text, previous)) !== column) break;
    start = previous;
  }
  return text.slice(0, start).trim() === '' ? keyLineStart : start;
}

/** Whether the card leaves a blank line between `pair` and its neighbour (the next one, or else the previous one). */
function separatedByBlankLines(text: string, siblings: PlacedPair[], pair: PlacedPair): boolean {
  const index = siblings.indexOf(pair);
  const [upper, lower] = index + 1 < siblings.length ? [pair, siblings[index + 1]] : [siblings[index - 1], pair];
  if (!upper || !lower) return false;
  const gap = text.slice(trimmedEnd(text, upper.key.range[0], valueEnd(upper)), lineStart(text, lower.key.range[0]));
  return /\n[ \t]*\r?\n/.test(gap);
}

/** In a flow mapping (`{a: 1}`), the key goes in as `, key: value`; only when it fits on one line and reads the same there. */
function flowInsertion(text: string, parent: YAMLMap, anchor: Anchor | undefined, keyLines: string[]): KeyInsertion | undefined {
  const [keyText] = keyLines;
  if (keyLines.length > 1 || !readsTheSameInFlow(keyText)) return undefined;
  if (anchor && 'after' in anchor) return { offset: valueEnd(anchor.after), text: `, ${keyText}` };
  if (anchor) return { offset: anchor.before.key.range[0], text: `${keyText}, ` };
  const open = parent.range?.[0];
  return open !== undefined && text[open] === '{' ? { offset: open + 1, text: keyText } : undefined;
}

function readsTheSameInFlow(keyText: string): boolean {
  try {
    return isDeepStrictEqual(parse(`{${keyText}}`), parse(keyText));
  } catch {
    return false;
  }
}
