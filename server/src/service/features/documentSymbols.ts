import { isAlias, isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ParsedCard } from '../parsing/parsedCard';
import { findPair, type AnyPair } from '../parsing/yamlNodes';
import { nodeSpan, pairSpan, toRange, type Span } from '../parsing/nodeSpans';

/** The outline lists at most this many entries; when it stops there, its last symbol says so. */
export const maxDocumentSymbols = 5000;

/** Entries nested deeper than this are left out: an outline that deep helps no one, and cards can nest 800+ levels. */
export const maxSymbolDepth = 64;

/** Outline names and details are cut to this many characters. */
const maxLabelLength = 80;

/** A `key: value` pair or list item still to turn into a symbol, and the list its symbol goes in. */
interface Entry {
  name: string;
  detail?: string;
  kind: SymbolKind;
  span: Span;
  selection: Span;
  value: unknown;
  depth: number;
  siblings: DocumentSymbol[];
}

/**
 * The card's outline: sections, then their entries; list items are named by their kind's naming
 * keys (a dataset's `name`, a component's `id`; metric results also by their slice: "false_positive_rate (age: old, gender: male)"). `range` is the
 * whole entry, `selectionRange` its key (or its name). Built without recursion, and bounded: after
 * `limit` symbols the walk stops and a last top-level symbol, "Outline truncated ...", says so.
 */
export function documentSymbols(card: ParsedCard, limit = maxDocumentSymbols): DocumentSymbol[] {
  const outline: DocumentSymbol[] = [];
  const pending = entriesOf(card, card.root, 1, outline).reverse();
  for (let count = 0; pending.length > 0; count++) {
    const entry = pending.pop()!;
    if (count === limit) {
      outline.push(truncationNotice(card, entry.span[0], limit));
      break;
    }
    const { name, detail, kind, span, selection } = entry;
    const symbol: DocumentSymbol = { name, detail, kind, range: toRange(card, span), selectionRange: toRange(card, selection), children: [] };
    entry.siblings.push(symbol);
    if (entry.depth < maxSymbolDepth) {
      const children = entriesOf(card, entry.value, entry.depth + 1, symbol.children!);
      for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]);
    }
  }
  return outline;
}

function entriesOf(card: ParsedCard, node: unknown, depth: number, siblings: DocumentSymbol[]): Entry[] {
  if (isMap(node)) return node.items.flatMap((pair) => pairEntry(card, pair as AnyPair, depth, siblings) ?? []);
  if (isSeq(node)) return node.items.flatMap((item, index) => itemEntry(card, item, index, depth, siblings) ?? []);
  return [];
}

function pairEntry(card: ParsedCard, pair: AnyPair, depth: number, siblings: DocumentSymbol[]): Entry | undefined {
  const span = pairSpan(card, pair);
  const selection = nodeSpan(card, pair.key) ?? span;
  if (!span || !selection) return undefined;
  const name = isScalar(pair.key) ? String(pair.key.value) : card.text.slice(...selection);
  const detail = isScalar(pair.value) && pair.value.value !== null ? label(String(pair.value.value)) : undefined;
  return { name: label(name), detail, kind: kindOf(pair.value, depth), span, selection, value: pair.value, depth, siblings };
}

function itemEntry(card: ParsedCard, item: unknown, index: number, depth: number, siblings: DocumentSymbol[]): Entry | undefined {
  const span = nodeSpan(card, item);
  if (!span) return undefined;
  if (isScalar(item)) return { name: label(String(item.value)), kind: kindOf(item, depth), span, selection: span, value: item, depth, siblings };
  const naming = isMap(item) ? namingValue(item, card.kind.layout.namingKeys) : undefined;
  const name = naming ? withSlice(String(naming.value), item as YAMLMap) : `[${index}]`;
  const measured = isMap(item) ? findPair(item, 'value')?.value : undefined;
  const detail = isScalar(measured) ? label(String(measured.value)) : undefined;
  return { name: label(name), detail, kind: kindOf(item, depth), span, selection: nodeSpan(card, naming) ?? span, value: item, depth, siblings };
}

/** The value of the item's first naming key (its kind's: a result's `name`, a component's `id`). */
function namingValue(item: YAMLMap, namingKeys: readonly string[]): Scalar | undefined {
  return namingKeys.map((key) => findPair(item, key)?.value).find((value): value is Scalar => isScalar(value) && value.value !== null && !!value.range);
}

/** A metric result's name with its cohort: `false_positive_rate (age: old, gender: male)`. */
function withSlice(name: string, item: YAMLMap): string {
  const slice = findPair(item, 'slice')?.value;
  if (isScalar(slice)) return `${name} (${String(slice.value)})`;
  if (!isMap(slice)) return name;
  const cohort = slice.items.map(({ key, value }) => `${isScalar(key) ? String(key.value) : '?'}: ${isScalar(value) ? String(value.value) : '…'}`);
  return `${name} (${cohort.join(', ')})`;
}

/** Top-level sections are modules; below them, the kind of the value. */
function kindOf(value: unknown, depth: number): SymbolKind {
  if (isMap(value) || isSeq(value)) return depth === 1 ? SymbolKind.Module : isMap(value) ? SymbolKind.Object : SymbolKind.Array;
  if (isAlias(value)) return SymbolKind.Variable;
  if (!isScalar(value)) return SymbolKind.Property;
  switch (typeof value.value) {
    case 'number':
    case 'bigint':
      return SymbolKind.Number;
    case 'boolean':
      return SymbolKind.Boolean;
    case 'string':
      return SymbolKind.String;
    default:
      return value.value === null ? SymbolKind.Null : SymbolKind.Property;
  }
}

/** Its first line, shortened; never empty (editors reject symbols without a name). */
function label(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  const short = line.length > maxLabelLength ? `${line.slice(0, maxLabelLength - 1)}…` : line;
  return short === '' ? '""' : short;
}

function truncationNotice(card: ParsedCard, from: number, limit: number): DocumentSymbol {
  const range = toRange(card, [from, card.text.length]);
  return {
    name: `Outline truncated: only the first ${limit} entries are listed`,
    kind: SymbolKind.Null,
    range,
    selectionRange: { start: range.start, end: range.start },
  };
}
