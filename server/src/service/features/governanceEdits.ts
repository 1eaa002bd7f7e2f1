import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { GovernanceChange, GovernanceEdits, GovernanceStatus, Review } from '../../protocol';
import type { ParsedCard } from '../parsing/parseCard';
import { findPair, type AnyPair } from '../parsing/yamlNodes';
import { yamlScalar } from '../text/yamlText';
import { cardLayout, type CardLayout } from './cardLayout';
import { indentLines, insertAfter, replaceNullValue, type OffsetEdit } from './lineEdits';

/** A governance edit that cannot be made; its message tells the user why. */
class Refusal extends Error {}

/**
 * The edits that set `governance.status` and/or append a review to `governance.reviews`,
 * creating what is missing. Everything else in the card (comments, key order, line endings,
 * flow or block style) stays as it is.
 */
export function governanceEdits(card: ParsedCard, change: GovernanceChange): GovernanceEdits {
  const version = card.document.version;
  try {
    const edits = offsetEdits(card, change).map(({ start, end, text }): TextEdit => ({
      range: { start: card.document.positionAt(start), end: card.document.positionAt(end) },
      newText: text,
    }));
    return { version, edits };
  } catch (error) {
    if (error instanceof Refusal) return { version, edits: [], refused: error.message };
    throw error;
  }
}

function offsetEdits(card: ParsedCard, change: GovernanceChange): OffsetEdit[] {
  if (card.problems.some(({ kind }) => kind === 'syntax' || kind === 'duplicateKey' || kind === 'tabIndent')) {
    throw new Refusal('The card has YAML errors: fix them first (see the Problems view).');
  }
  const root = card.root;
  if (!root) throw new Refusal('The card is not a mapping of keys yet: start it with `name:`.');
  if (root.flow) throw new Refusal('The card is written as one flow mapping ({...}): edit its governance by hand.');
  const layout = cardLayout(card);
  const governance = findPair(root, 'governance');
  if (!governance) return [insertAfter(card.text, lastPairEnd(root), indentLines(governanceLines(change, layout), column(card.text, root)), layout.eol)];
  const value = governance.value as Node | null;
  if (isNullScalar(value)) return [replaceNullValue(card.text, value, indentLines(entryLines(change, layout), keyColumn(card, governance) + layout.indentSize), layout.eol)];
  if (!isMap(value)) throw new Refusal('`governance` is not a mapping of keys: fix it first.');
  return value.flow ? flowMapEdits(card, value, change) : blockMapEdits(card, value, change, layout);
}

function blockMapEdits(card: ParsedCard, governance: YAMLMap, change: GovernanceChange, layout: CardLayout): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  const indent = column(card.text, governance);
  if (change.status) {
    const status = findPair(governance, 'status');
    if (status) edits.push(replaceStatus(card, status, change.status));
    else edits.push(insertBeforeLine(card.text, governance, indentLines([`status: ${change.status}`], indent)[0] + layout.eol));
  }
  if (change.review) {
    const reviews = findPair(governance, 'reviews');
    if (!reviews) edits.push(insertAfter(card.text, lastPairEnd(governance), indentLines(reviewsLines(change.review, layout), indent), layout.eol));
    else edits.push(appendReview(card, reviews, change.review, layout));
  }
  return edits;
}

function flowMapEdits(card: ParsedCard, governance: YAMLMap, change: GovernanceChange): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  const missing: string[] = [];
  if (change.status) {
    const status = findPair(governance, 'status');
    if (status) edits.push(replaceStatus(card, status, change.status));
    else missing.push(`status: ${change.status}`);
  }
  if (change.review) {
    const reviews = findPair(governance, 'reviews');
    if (!reviews) missing.push(`reviews: [${flowReview(change.review)}]`);
    else if (isSeq(reviews.value) && reviews.value.flow) edits.push(appendToFlow(reviews.value.range!, reviews.value.items.length, flowReview(change.review)));
    else throw new Refusal('`governance.reviews` is not a list: fix it first.');
  }
  if (missing.length > 0) edits.push(appendToFlow(governance.range!, governance.items.length, missing.join(', ')));
  return edits;
}

function replaceStatus(card: ParsedCard, pair: AnyPair, status: GovernanceStatus): OffsetEdit {
  const value = pair.value as Node | null;
  if (!isScalar(value) || !value.range) throw new Refusal('`governance.status` is not a single value: fix it first.');
  const [start, end] = value.range;
  return { start, end, text: card.text[start - 1] === ':' ? ` ${status}` : status };
}

function appendReview(card: ParsedCard, pair: AnyPair, review: Review, layout: CardLayout): OffsetEdit {
  const reviews = pair.value as Node | null;
  const itemIndent = keyColumn(card, pair) + (layout.indentSequences ? layout.indentSize : 0);
  if (isNullScalar(reviews)) return replaceNullValue(card.text, reviews, indentLines(reviewItemLines(review), itemIndent), layout.eol);
  if (!isSeq(reviews) || !reviews.range) throw new Refusal('`governance.reviews` is not a list: fix it first.');
  if (reviews.flow) return appendToFlow(reviews.range, reviews.items.length, flowReview(review));
  const lastItem = reviews.items[reviews.items.length - 1] as Node;
  return insertAfter(card.text, lastItem.range![1], indentLines(reviewItemLines(review), column(card.text, reviews)), layout.eol);
}

/** Adds `entry` at the end of a flow collection (`[a]`, `{a: 1}`), before its closing bracket. */
function appendToFlow(range: readonly number[], itemCount: number, entry: string): OffsetEdit {
  const closing = range[1] - 1;
  return { start: closing, end: closing, text: itemCount > 0 ? `, ${entry}` : entry };
}

/** Inserts `text` (whole lines) at the start of the line of the mapping's first key. */
function insertBeforeLine(text: string, map: YAMLMap, lines: string): OffsetEdit {
  const lineStart = map.range![0] - column(text, map);
  return { start: lineStart, end: lineStart, text: lines };
}

function governanceLines(change: GovernanceChange, layout: CardLayout): string[] {
  return ['governance:', ...indentLines(entryLines(change, layout), layout.indentSize)];
}

/** The keys of a new governance section, in schema order. */
function entryLines(change: GovernanceChange, layout: CardLayout): string[] {
  return [...(change.status ? [`status: ${change.status}`] : []), ...(change.review ? reviewsLines(change.review, layout) : [])];
}

function reviewsLines(review: Review, layout: CardLayout): string[] {
  return ['reviews:', ...indentLines(reviewItemLines(review), layout.indentSequences ? layout.indentSize : 0)];
}

function reviewItemLines(review: Review): string[] {
  const [first, ...rest] = reviewFields(review).map(([key, value]) => `${key}: ${value}`);
  return [`- ${first}`, ...rest.map((line) => `  ${line}`)];
}

function flowReview(review: Review): string {
  return `{${reviewFields(review).map(([key, value]) => `${key}: ${value}`).join(', ')}}`;
}

/** The review's keys and YAML values. Dates are quoted, so YAML 1.1 readers keep them as text. */
function reviewFields(review: Review): [string, string][] {
  return [
    ['reviewer', yamlScalar(review.reviewer)],
    ...(review.role ? [['role', yamlScalar(review.role)] as [string, string]] : []),
    ['decision', review.decision],
    ['date', /^\d{4}-\d{2}-\d{2}$/.test(review.date) ? `'${review.date}'` : yamlScalar(review.date)],
  ];
}

/** Where the last entry of a block mapping ends (its value, or its key when it has none). */
function lastPairEnd(map: YAMLMap): number {
  const last = map.items[map.items.length - 1];
  return ((last.value ?? last.key) as Node).range![1];
}

function keyColumn(card: ParsedCard, pair: AnyPair): number {
  return column(card.text, pair.key as Node);
}

function column(text: string, node: Node): number {
  const start = node.range![0];
  return start - (text.lastIndexOf('\n', start - 1) + 1);
}

function isNullScalar(node: Node | null): node is Node & { range: [number, number, number] } {
  return isScalar(node) && node.value === null && node.range !== undefined;
}
