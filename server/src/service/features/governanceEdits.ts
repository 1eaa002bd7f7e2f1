import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { GovernanceChange, GovernanceEdits, GovernanceStatus, Review } from '../../protocol';
import type { ParsedCard } from '../parsing/parsedCard';
import { findPair, type AnyPair } from '../parsing/yamlNodes';
import { yamlScalar } from '../text/yamlText';
import { cardLayout, type CardLayout } from '../edits/cardLayout';
import { blockValue, EditRefusal, insertKeyEdit, sequenceIndent } from '../edits/keyEdits';
import { cardEditRefusal, indentLines, insertAfter, isNullScalar, nodeColumn, replaceNullValue, type OffsetEdit } from '../edits/lineEdits';

/** A governance edit that cannot be made; its message tells the user why. */

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
    if (error instanceof EditRefusal) return { version, edits: [], refused: error.message };
    throw error;
  }
}

function offsetEdits(card: ParsedCard, change: GovernanceChange): OffsetEdit[] {
  const refusal = cardEditRefusal(card, 'governance');
  if (refusal) throw new EditRefusal(refusal);
  const root = card.root!;
  const layout = cardLayout(card);
  const governance = findPair(root, 'governance');
  if (!governance) return [insertKeyEdit(card, ['governance'], blockValue(entryLines(change, layout), layout.indentSize))];
  const value = governance.value as Node | null;
  if (isNullScalar(value)) return [replaceNullValue(card.text, value, indentLines(entryLines(change, layout), keyColumn(card, governance) + layout.indentSize), layout.eol)];
  if (!isMap(value)) throw new EditRefusal('`governance` is not a mapping of keys: fix it first.');
  return [
    ...(change.status ? [statusEdit(card, value, change.status)] : []),
    ...(change.review ? [reviewEdit(card, value, change.review, layout)] : []),
  ];
}

function statusEdit(card: ParsedCard, governance: YAMLMap, status: GovernanceStatus): OffsetEdit {
  const pair = findPair(governance, 'status');
  return pair ? replaceStatus(card, pair, status) : insertKeyEdit(card, ['governance', 'status'], status);
}

function reviewEdit(card: ParsedCard, governance: YAMLMap, review: Review, layout: CardLayout): OffsetEdit {
  const pair = findPair(governance, 'reviews');
  if (pair) return appendReview(card, pair, review, layout);
  const reviews = governance.flow ? `[${flowReview(review)}]` : blockValue(reviewItemLines(review), sequenceIndent(layout));
  return insertKeyEdit(card, ['governance', 'reviews'], reviews);
}



function replaceStatus(card: ParsedCard, pair: AnyPair, status: GovernanceStatus): OffsetEdit {
  const value = pair.value as Node | null;
  if (!isScalar(value) || !value.range) throw new EditRefusal('`governance.status` is not a single value: fix it first.');
  const [start, end] = value.range;
  return { start, end, text: card.text[start - 1] === ':' ? ` ${status}` : status };
}

function appendReview(card: ParsedCard, pair: AnyPair, review: Review, layout: CardLayout): OffsetEdit {
  const reviews = pair.value as Node | null;
  const itemIndent = keyColumn(card, pair) + sequenceIndent(layout);
  if (isNullScalar(reviews)) return replaceNullValue(card.text, reviews, indentLines(reviewItemLines(review), itemIndent), layout.eol);
  if (!isSeq(reviews) || !reviews.range) throw new EditRefusal('`governance.reviews` is not a list: fix it first.');
  if (reviews.flow) return appendToFlow(reviews.range, reviews.items.length, flowReview(review));
  const lastItem = reviews.items[reviews.items.length - 1] as Node;
  return insertAfter(card.text, lastItem.range![1], indentLines(reviewItemLines(review), nodeColumn(card.text, reviews)), layout.eol);
}

/** Adds `entry` at the end of a flow collection (`[a]`, `{a: 1}`), before its closing bracket. */
function appendToFlow(range: readonly number[], itemCount: number, entry: string): OffsetEdit {
  const closing = range[1] - 1;
  return { start: closing, end: closing, text: itemCount > 0 ? `, ${entry}` : entry };
}

/** The keys of a new governance section, in schema order. */
function entryLines(change: GovernanceChange, layout: CardLayout): string[] {
  return [...(change.status ? [`status: ${change.status}`] : []), ...(change.review ? reviewsLines(change.review, layout) : [])];
}

function reviewsLines(review: Review, layout: CardLayout): string[] {
  return ['reviews:', ...indentLines(reviewItemLines(review), sequenceIndent(layout))];
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

function keyColumn(card: ParsedCard, pair: AnyPair): number {
  return nodeColumn(card.text, pair.key as Node);
}
