import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { defaultSettings, type GovernanceChange, type GovernanceEdits, type GovernanceStatus, type Review, type SignOffRequest } from '../../protocol';
import { sectionDigest, sectionPath } from '../card/sectionDigest';
import { valueAt } from '../card/values';
import { keyInsertion } from '../edits/insertKey';
import { appendListItem, flowMapping, mappingItemLines, sequenceIndent, type ListItem } from '../edits/listEdits';
import type { ParsedCard } from '../parsing/parsedCard';
import { findPair, type AnyPair, type CardPath } from '../parsing/yamlNodes';
import { formatPath, yamlScalar } from '../text/yamlText';
import { cardLayout, type CardLayout } from '../edits/cardLayout';
import { cardEditRefusal, indentLines, isNullScalar, nodeColumn, replaceNullValue, type OffsetEdit } from '../edits/lineEdits';

/** A governance edit that cannot be made; its message tells the user why. */
class Refusal extends Error {}

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
    if (error instanceof Refusal) return { version, edits: [], refused: error.message };
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
  if (refusal) throw new Refusal(refusal);
  const root = card.root!;
  const layout = cardLayout(card);
  const appended: Appended[] = [
    ...(change.review ? [{ key: 'reviews' as const, item: listItem(reviewFields(change.review)) }] : []),
    ...(change.signOff ? [{ key: 'sign_offs' as const, item: listItem(signOffFields(card, change.signOff)) }] : []),
  ];
  const governance = findPair(root, 'governance');
  if (!governance) return [insertKey(card, ['governance'], blockValue(entryLines(change.status, appended, layout), layout.indentSize))];
  const value = governance.value as Node | null;
  if (isNullScalar(value)) return [replaceNullValue(card.text, value, indentLines(entryLines(change.status, appended, layout), keyColumn(card, governance) + layout.indentSize), layout.eol)];
  if (!isMap(value)) throw new Refusal('`governance` is not a mapping of keys: fix it first.');
  return [...(change.status ? [statusEdit(card, value, change.status)] : []), ...appended.map((entry) => appendEdit(card, value, entry, layout))];
}

function statusEdit(card: ParsedCard, governance: YAMLMap, status: GovernanceStatus): OffsetEdit {
  const pair = findPair(governance, 'status');
  return pair ? replaceStatus(card, pair, status) : insertKey(card, ['governance', 'status'], status);
}

function appendEdit(card: ParsedCard, governance: YAMLMap, { key, item }: Appended, layout: CardLayout): OffsetEdit {
  const pair = findPair(governance, key);
  if (!pair) return insertKey(card, ['governance', key], governance.flow ? `[${item.flow}]` : blockValue(item.lines, sequenceIndent(layout)));
  const edit = appendListItem(card, pair, item, layout);
  if (!edit) throw new Refusal(`\`governance.${key}\` is not a list: fix it first.`);
  return edit;
}

/** The missing key at `path`, with `valueText`, at its place in the schema's order (the quick fixes' insertion). */
function insertKey(card: ParsedCard, path: CardPath, valueText: string): OffsetEdit {
  const insertion = keyInsertion(card, path, defaultSettings.placeholders[0], valueText);
  if (!insertion) throw new Refusal(`There is no safe place for \`${formatPath(path)}\` in this card: add it by hand.`);
  return { start: insertion.offset, end: insertion.offset, text: insertion.text };
}

/** `lines` as a block value for `keyInsertion`: on the lines below the key, `indent` spaces in. */
function blockValue(lines: readonly string[], indent: number): string {
  return `\n${indentLines(lines, indent).join('\n')}`;
}

function replaceStatus(card: ParsedCard, pair: AnyPair, status: GovernanceStatus): OffsetEdit {
  const value = pair.value as Node | null;
  if (!isScalar(value) || !value.range) throw new Refusal('`governance.status` is not a single value: fix it first.');
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
    throw new Refusal('`governance` holds the sign-offs themselves: sign one of its fields instead (e.g. `governance.regulations`).');
  }
  if (valueAt(card.value, path) === undefined) throw new Refusal(`The card has no \`${section}\` to sign off.`);
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
