import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { GovernanceChange, GovernanceEdits, GovernanceStatus, Review, SignOffRequest } from '../../protocol';
import { sectionDigest, sectionPath } from '../card/sectionDigest';
import { valueAt } from '../card/values';
import { blockValue, EditRefusal, insertKeyEdit, sequenceIndent } from '../edits/keyEdits';
import { appendListItem, flowMapping, mappingItemLines, type ListItem } from '../edits/listEdits';
import type { ParsedCard } from '../parsing/parsedCard';
import { findPair, type AnyPair } from '../parsing/yamlNodes';
import { yamlScalar } from '../text/yamlText';
import { cardLayout, type CardLayout } from '../edits/cardLayout';
import { cardEditRefusal, indentLines, isNullScalar, nodeColumn, replaceNullValue, type OffsetEdit } from '../edits/lineEdits';

/**
 * The edits that set `governance.status`, append a review to `governance.reviews` and/or a
 * sign-off to `governance.sign_offs` (with the digest of the section as it stands), creating what
 * is missing. Everything else in the card (comments, key order, line endings, flow or block
 * style) stays as it is.
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

/** The governance lists a change appends to, with the item it appends. */
interface Appended {
  key: 'reviews' | 'sign_offs';
  item: ListItem;
}

function offsetEdits(card: ParsedCard, change: GovernanceChange): OffsetEdit[] {
  const refusal = cardEditRefusal(card, 'governance');
  if (refusal) throw new EditRefusal(refusal);
  const root = card.root!;
  const layout = cardLayout(card);
  const appended: Appended[] = [
    ...(change.review ? [{ key: 'reviews' as const, item: listItem(reviewFields(change.review)) }] : []),
    ...(change.signOff ? [{ key: 'sign_offs' as const, item: listItem(signOffFields(card, change.signOff)) }] : []),
  ];
  const governance = findPair(root, 'governance');
  if (!governance) return [insertKeyEdit(card, ['governance'], blockValue(entryLines(change.status, appended, layout), layout.indentSize))];
  const value = governance.value as Node | null;
  if (isNullScalar(value)) return [replaceNullValue(card.text, value, indentLines(entryLines(change.status, appended, layout), keyColumn(card, governance) + layout.indentSize), layout.eol)];
  if (!isMap(value)) throw new EditRefusal('`governance` is not a mapping of keys: fix it first.');
  return [...(change.status ? [statusEdit(card, value, change.status)] : []), ...appended.map((entry) => appendEdit(card, value, entry, layout))];
}

function statusEdit(card: ParsedCard, governance: YAMLMap, status: GovernanceStatus): OffsetEdit {
  const pair = findPair(governance, 'status');
  return pair ? replaceStatus(card, pair, status) : insertKeyEdit(card, ['governance', 'status'], status);
}

function appendEdit(card: ParsedCard, governance: YAMLMap, { key, item }: Appended, layout: CardLayout): OffsetEdit {
  const pair = findPair(governance, key);
  if (!pair) return insertKeyEdit(card, ['governance', key], governance.flow ? `[${item.flow}]` : blockValue(item.lines, sequenceIndent(layout)));
  const edit = appendListItem(card, pair, item, layout);
  if (!edit) throw new EditRefusal(`\`governance.${key}\` is not a list: fix it first.`);
  return edit;
}

function replaceStatus(card: ParsedCard, pair: AnyPair, status: GovernanceStatus): OffsetEdit {
  const value = pair.value as Node | null;
  if (!isScalar(value) || !value.range) throw new EditRefusal('`governance.status` is not a single value: fix it first.');
  const [start, end] = value.range;
  return { start, end, text: card.text[start - 1] === ':' ? ` ${status}` : status };
}

/** The keys of a new governance section, in schema order. */
function entryLines(status: GovernanceStatus | undefined, appended: readonly Appended[], layout: CardLayout): string[] {
  return [...(status ? [`status: ${status}`] : []), ...appended.flatMap(({ key, item }) => [`${key}:`, ...indentLines(item.lines, sequenceIndent(layout))])];
}

function listItem(fields: [string, string][]): ListItem {
  return { lines: mappingItemLines(fields), flow: flowMapping(fields) };
}

/** The review's keys and YAML values. */
function reviewFields(review: Review): [string, string][] {
  return [
    ['reviewer', yamlScalar(review.reviewer)],
    ...(review.role ? [['role', yamlScalar(review.role)] as [string, string]] : []),
    ['decision', review.decision],
    ['date', dateScalar(review.date)],
  ];
}

/** The sign-off's keys and YAML values, with the digest of the section as the card holds it now. */
function signOffFields(card: ParsedCard, signOff: SignOffRequest): [string, string][] {
  const section = signOff.section.trim();
  const path = sectionPath(section);
  if (path[0] === 'governance' && (path.length === 1 || path[1] === 'sign_offs')) {
    throw new EditRefusal('`governance` holds the sign-offs themselves: sign one of its fields instead (e.g. `governance.regulations`).');
  }
  if (valueAt(card.value, path) === undefined) throw new EditRefusal(`The card has no \`${section}\` to sign off.`);
  return [
    ['section', yamlScalar(section)],
    ['role', yamlScalar(signOff.role)],
    ['name', yamlScalar(signOff.name)],
    ['date', dateScalar(signOff.date)],
    ['digest', sectionDigest(card.value, section)],
    ...(signOff.comment ? [['comment', yamlScalar(signOff.comment)] as [string, string]] : []),
  ];
}

/** Dates are quoted, so YAML 1.1 readers keep them as text. */
function dateScalar(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `'${date}'` : yamlScalar(date);
}

function keyColumn(card: ParsedCard, pair: AnyPair): number {
  return nodeColumn(card.text, pair.key as Node);
}
