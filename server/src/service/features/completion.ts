import { isMap, isScalar } from 'yaml';
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
import { nodeAt, type CardPath } from '../parsing/yamlNodes';
import type { DocumentSchema } from '../schema/documentSchema';
import { vocabularies } from '../schema/vocabularyTerms';
import { alternatives, acceptsType, describeType, type JsonSchema } from '../schema/schemaNavigator';
import { keySnippet, type SkeletonOptions } from '../schema/skeletons';
import type { Term } from '../vocabulary/vocabularies';
import { yamlScalar } from '../text/yamlText';
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
      const present = context.flowKeys ?? presentKeys(card, context.parentPath, position.line);
      return list(keyCompletions(card.kind.schema, context.parentPath, present, replace, context.flowKeys ? undefined : layout));
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

/** Keys of the mapping at `parentPath` already in the card (except one being typed on `cursorLine`). */
function presentKeys(card: ParsedCard, parentPath: CardPath, cursorLine: number): string[] {
  const mapping = nodeAt(card.root, parentPath) ?? (parentPath.length === 0 ? card.root : undefined);
  if (!isMap(mapping)) return [];
  return mapping.items
    .filter((pair) => isScalar(pair.key) && pair.key.range && card.document.positionAt(pair.key.range[0]).line !== cursorLine)
    .map((pair) => String((pair.key as { value: unknown }).value));
}

/**
 * The keys that may follow, in the schema's order: sections insert their skeleton as a snippet
 * (in block style), other keys `key: ` with the cursor after it.
 */
function keyCompletions(documentSchema: DocumentSchema, parentPath: CardPath, present: string[], replace: Range, layout: SkeletonOptions | undefined): CompletionItem[] {
  return documentSchema.propertiesAt(parentPath)
    .filter(([key]) => !present.includes(key))
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

/** Asks the editor to open completion again, on the value just after `key: `. */
const suggestValues = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

function offersValues(schema: JsonSchema): boolean {
  return schemaValues(schema).length > 0;
}

function blockKeySnippet(documentSchema: DocumentSchema, path: CardPath, schema: JsonSchema, layout: SkeletonOptions): string {
  if (schema.defaultSnippets) return keySnippet(documentSchema, path, layout);
  const kinds = alternatives(schema);
  const key = String(path[path.length - 1]);
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
  const unique = [...new Map(candidates.map((term) => [term.id, term])).values()];
  const narrowed = unique.length > maxVocabularyItems ? matching(unique, prefix).slice(0, maxVocabularyItems) : unique;
  const items = narrowed.map(
    (term, index): CompletionItem => ({
      label: term.id,
      kind: CompletionItemKind.Value,
      detail: [term.name, term.detail].filter(Boolean).join(' · ') || undefined,
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
