import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { ParsedCard } from '../parsing/parsedCard';
import type { CardPath } from '../parsing/yamlNodes';
import { isRecord, valueAt } from '../card/values';
import type { DocumentSchema } from '../schema/documentSchema';
import { vocabularies } from '../schema/vocabularyTerms';
import { alternatives, acceptsType, describeType, type JsonSchema } from '../schema/schemaNavigator';
import { keySnippet, type SkeletonOptions } from '../schema/skeletons';
import type { Term } from '../vocabulary/vocabularies';
import { yamlScalar } from '../text/yamlText';
import { lineEnd, lineStart } from '../text/lines';
import { cursorContext } from '../parsing/cursorContext';
import { toRange } from '../parsing/nodeSpans';
import { cardLayout } from '../edits/cardLayout';
import { starterCards } from '../templates/starterCards';

/** Vocabularies longer than this are filtered by what is typed, and the list marked incomplete. */
const maxVocabularyItems = 100;

export function complete(card: ParsedCard, position: Position, placeholder: string): CompletionList {
  const offset = card.document.offsetAt(position);
  const context = cursorContext(card.text, offset);
  const { indentSize, indentSequences } = cardLayout(card);
  const layout: SkeletonOptions = { indentSize, indentSequences, placeholder };
  switch (context.kind) {
    case 'emptyDocument':
      return list(starterCards(card.kind, card.document.positionAt(offset), cardLayout(card).eol));
    case 'key': {
      const replace = toRange(card, [context.replaceStart, offset]);
      const itemSchema = context.itemPath && card.kind.schema.at(context.itemPath);
      if (context.itemPath && itemSchema && !alternatives(itemSchema).some((alternative) => acceptsType(alternative, 'object'))) {
        return valueCompletions(card, context.itemPath, context.prefix, replace);
      }
      const flowKeys = context.flowKeys;
      const isPresent = flowKeys ? (key: string) => flowKeys.includes(key) : presentKeys(card, context.parentPath, card.text.slice(lineStart(card.text, offset), lineEnd(card.text, offset)));
      const keys = keyCompletions(card.kind.schema, context.parentPath, isPresent, replace, flowKeys ? undefined : layout);
      const names = nameCompletions(card, context.parentPath, isPresent, context.replaceStart, offset, keys.length);
      return list([...keys, ...names]);
    }
    case 'value':
      return valueCompletions(card, context.path, context.prefix, toRange(card, [context.replaceStart, offset]));
    default:
      return list([]);
  }
}

function list(items: CompletionItem[], isIncomplete = false): CompletionList {
  return { isIncomplete, items };
}

/** The plain key written on a line (`  - recall: 0.81` → recall), if any. */
const writtenKey = /^[\s-]*([^\s#'"{[][^#]*?)\s*:(?:\s|$)/;

/**
 * Whether a key is in the mapping at `parentPath` already, except the one written on the cursor's
 * line (the one being typed). Reads the card's data, so it costs the same in a mapping of thousands.
 */
function presentKeys(card: ParsedCard, parentPath: CardPath, cursorLine: string): (key: string) => boolean {
  const mapping = valueAt(card.value, parentPath);
  if (!isRecord(mapping)) return () => false;
  const typed = writtenKey.exec(cursorLine)?.[1];
  return (key) => key !== typed && Object.hasOwn(mapping, key);
}

/**
 * The keys that may follow, in the schema's order: sections insert their skeleton as a snippet
 * (in block style), other keys `key: ` with the cursor after it.
 */
function keyCompletions(documentSchema: DocumentSchema, parentPath: CardPath, isPresent: (key: string) => boolean, replace: Range, layout: SkeletonOptions | undefined): CompletionItem[] {
  return documentSchema.propertiesAt(parentPath)
    .filter(([key]) => !isPresent(key))
    .map(([key, schema], index) => {
      const path = [...parentPath, key];
      const insertText = layout ? blockKeySnippet(documentSchema, path, schema, layout) : `${key}: $1`;
      return {
        label: key,
        kind: CompletionItemKind.Property,
        detail: describeType(schema),
        documentation: documentation(schema),
        sortText: String(index).padStart(3, '0'),
        filterText: key,
        textEdit: { range: replace, newText: insertText },
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.adjustIndentation,
        ...(insertText.endsWith(': $1') && offersValues(schema) ? { command: suggestValues } : {}),
      };
    });
}

/**
 * Names for a key where the schema leaves the name free (a metric of the short-form `metrics`
 * map), from the document's kind, after the schema's `keyCount` keys. Each replaces the whole word
 * under the cursor, and adds `: ` unless the key already has its colon.
 */
function nameCompletions(card: ParsedCard, parentPath: CardPath, isPresent: (key: string) => boolean, wordStart: number, offset: number, keyCount: number): CompletionItem[] {
  const terms = uniqueTerms(card.kind.keyNames?.(card, parentPath) ?? []).filter((term) => !isPresent(term.id));
  if (terms.length === 0) return [];
  const rest = card.text.slice(offset, lineEnd(card.text, offset));
  const wordAfter = /^[^\s:#,[\]{}]*/.exec(rest)![0];
  const hasColon = /^\s*:(\s|$)/.test(rest.slice(wordAfter.length));
  const range = toRange(card, [wordStart, offset + wordAfter.length]);
  return terms.map((term, index) => ({
    label: term.id,
    kind: CompletionItemKind.Property,
    detail: termDetail(term),
    sortText: String(keyCount + index).padStart(3, '0'),
    filterText: term.id,
    textEdit: { range, newText: hasColon ? yamlScalar(term.id) : `${yamlScalar(term.id)}: ` },
  }));
}

/** Asks the editor to open completion again, on the value just after `key: `. */
const suggestValues = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

/** Whether `schemaValues(schema)` has values, without building them (a vocabulary holds thousands). */
function offersValues(schema: JsonSchema): boolean {
  return alternatives(schema).some(
    (alternative) =>
      typeof alternative['x-vocabulary'] === 'string' ||
      (Array.isArray(alternative.enum) && alternative.enum.length > 0) ||
      alternative.type === 'boolean' ||
      (alternative.type === 'array' && !!alternative.items && offersValues(alternative.items as JsonSchema)),
  );
}

/** Skeletons from `defaultSnippets`, by the key's schema, then key and layout: rendering one as YAML is the dearest part of a completion. */
const skeletonSnippets = new WeakMap<JsonSchema, Map<string, string>>();

function blockKeySnippet(documentSchema: DocumentSchema, path: CardPath, schema: JsonSchema, layout: SkeletonOptions): string {
  const key = String(path[path.length - 1]);
  if (schema.defaultSnippets) {
    // The skeleton comes from the schema's own snippet: it depends on the key and the layout, not on where the key is.
    const byLayout = skeletonSnippets.get(schema) ?? new Map<string, string>();
    skeletonSnippets.set(schema, byLayout);
    const layoutKey = JSON.stringify([key, layout.indentSize, layout.indentSequences, layout.placeholder]);
    if (!byLayout.has(layoutKey)) byLayout.set(layoutKey, keySnippet(documentSchema, path, layout));
    return byLayout.get(layoutKey)!;
  }
  const kinds = alternatives(schema);
  if (kinds.every((alternative) => acceptsType(alternative, 'object'))) return `${key}:\n${' '.repeat(layout.indentSize)}$1`;
  if (kinds.every((alternative) => acceptsType(alternative, 'array'))) {
    return `${key}:\n${layout.indentSequences ? ' '.repeat(layout.indentSize) : ''}- $1`;
  }
  return `${key}: $1`;
}

function valueCompletions(card: ParsedCard, path: CardPath, prefix: string, replace: Range): CompletionList {
  const schema = card.kind.schema.at(path);
  const candidates: Term[] = [
    ...(schema ? schemaValues(schema) : []),
    ...(card.kind.valueNames?.(card, path) ?? []),
  ];
  const unique = uniqueTerms(candidates);
  const narrowed = unique.length > maxVocabularyItems ? matching(unique, prefix).slice(0, maxVocabularyItems) : unique;
  const items = narrowed.map(
    (term, index): CompletionItem => ({
      label: term.id,
      kind: CompletionItemKind.Value,
      detail: termDetail(term),
      sortText: String(index).padStart(5, '0'),
      filterText: `${term.id} ${term.name}`,
      textEdit: { range: replace, newText: yamlScalar(term.id) },
    }),
  );
  return list(items, narrowed.length < unique.length);
}

/** The values a schema offers: its enum (with descriptions), vocabulary, or booleans. */
function schemaValues(schema: JsonSchema): Term[] {
  return alternatives(schema).flatMap((alternative): Term[] => {
    const vocabulary = alternative['x-vocabulary'];
    if (typeof vocabulary === 'string') return vocabularies[vocabulary] ?? [];
    if (Array.isArray(alternative.enum)) {
      const descriptions = (alternative.enumDescriptions as string[] | undefined) ?? [];
      return alternative.enum.map((value, index) => ({ id: String(value), name: descriptions[index] ?? '' }));
    }
    if (alternative.type === 'boolean') return [{ id: 'true', name: '' }, { id: 'false', name: '' }];
    if (alternative.type === 'array' && alternative.items) return schemaValues(alternative.items as JsonSchema);
    return [];
  });
}

/** The first term with each id. */
function uniqueTerms(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((term) => !seen.has(term.id) && seen.add(term.id));
}

function termDetail(term: Term): string | undefined {
  return [term.name, term.detail].filter(Boolean).join(' · ') || undefined;
}

function matching(terms: Term[], prefix: string): Term[] {
  const wanted = prefix.toLowerCase();
  const starts = terms.filter((term) => term.id.toLowerCase().startsWith(wanted));
  const contains = terms.filter((term) => !term.id.toLowerCase().startsWith(wanted) && `${term.id} ${term.name}`.toLowerCase().includes(wanted));
  return [...starts, ...contains];
}

function documentation(schema: JsonSchema): CompletionItem['documentation'] {
  const text = typeof schema.markdownDescription === 'string' ? schema.markdownDescription : typeof schema.description === 'string' ? schema.description : undefined;
  return text ? { kind: MarkupKind.Markdown, value: text } : undefined;
}
