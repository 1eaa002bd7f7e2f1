import { stringify } from 'yaml';
import type { CardPath } from '../parsing/yamlNodes';
import type { DocumentSchema } from './documentSchema';
import { alternatives, type JsonSchema } from './schemaNavigator';

export interface SkeletonOptions {
  /** Spaces per indentation level, as the card uses. */
  indentSize: number;
  /** Whether `key:` is followed by `  - item` (true) or `- item` (false). */
  indentSequences: boolean;
  /** The word that marks text still to write, e.g. TODO; it is flagged until replaced. */
  placeholder: string;
}

/**
 * The YAML text (at column 0, no final newline) of `key: value` for the key at `path`, with a
 * skeleton value from the schema (its `defaultSnippets`, else its type). Text still to write
 * becomes a placeholder the placeholder rule flags, so nothing fake looks finished. A given
 * `valueText` that starts with a line break is a block value, on the lines below the key.
 */
export function keySkeleton(schema: DocumentSchema, path: CardPath, options: SkeletonOptions, valueText?: string): string {
  const key = String(path[path.length - 1]);
  if (valueText !== undefined) return valueText.startsWith('\n') ? `${key}:${valueText}` : `${key}: ${valueText}`;
  const value = skeletonValue(schema, schema.at(path), path, plainTabStop(options.placeholder));
  return toYaml({ [key]: value }, options);
}

/**
 * The same skeleton as a snippet (LSP snippet syntax) for completion: each value to write is a
 * tab stop whose default text is the placeholder, so whatever is left unfilled stays flagged.
 */
export function keySnippet(schema: DocumentSchema, path: CardPath, options: SkeletonOptions): string {
  return keysSnippet(schema, path.slice(0, -1), [String(path[path.length - 1])], options);
}

/** Several keys of the mapping at `parentPath` as one snippet, with their tab stops numbered in order. */
export function keysSnippet(schema: DocumentSchema, parentPath: CardPath, keys: readonly string[], options: SkeletonOptions): string {
  const stops: string[] = [];
  const render: TabStopRenderer = (stop) => {
    stops.push(snippetTabStop(stops.length + 1, stop, options.placeholder));
    return `${tabStopMarker}${stops.length}x`;
  };
  const value = Object.fromEntries(keys.map((key) => [key, skeletonValue(schema, schema.at([...parentPath, key]), [...parentPath, key], render)]));
  const text = escapeSnippetText(toYaml(value, options));
  return text.replace(new RegExp(`${tabStopMarker}(\\d+)x`, 'g'), (_marker, index: string) => stops[Number(index) - 1]);
}

/**
 * A value still to write: `label` says what (from the schema's snippet); `choices` are the values
 * to pick from, and the first is a sensible default only when the schema's snippet chose them.
 */
interface TabStop {
  label?: string;
  choices?: string[];
  firstChoiceIsDefault?: boolean;
}

type TabStopRenderer = (stop: TabStop) => unknown;

/** Longer vocabularies (licences, languages) are left to value completion instead of a snippet choice. */
const maxSnippetChoices = 12;

/** A plain-text marker for a tab stop, which YAML writes unquoted and snippet escaping leaves alone. */
const tabStopMarker = 'mcTabStop';

function plainTabStop(placeholder: string): TabStopRenderer {
  return ({ label, choices, firstChoiceIsDefault }) =>
    firstChoiceIsDefault && choices ? choices[0] : label ? `${placeholder} ${lowerFirst(label)}` : placeholder;
}

function snippetTabStop(index: number, { label, choices }: TabStop, placeholder: string): string {
  if (choices && choices.length <= maxSnippetChoices) return `\${${index}|${choices.map(escapeSnippetChoice).join(',')}|}`;
  return `\${${index}:${escapeSnippetText(label ? `${placeholder} ${lowerFirst(label)}` : placeholder)}}`;
}

function toYaml(value: unknown, options: SkeletonOptions): string {
  return stringify(value, { indent: options.indentSize, indentSeq: options.indentSequences, singleQuote: true, lineWidth: 0 }).trimEnd();
}

function skeletonValue(document: DocumentSchema, schema: JsonSchema | undefined, path: CardPath, tabStop: TabStopRenderer): unknown {
  if (!schema) return tabStop({});
  const snippet = (schema.defaultSnippets as { body?: unknown }[] | undefined)?.[0]?.body;
  if (snippet !== undefined) return fromSnippetBody(snippet, tabStop);
  if (schema.default !== undefined) return schema.default;
  const [first] = alternatives(schema);
  const type = [first.type].flat()[0];
  if (type === 'array') return [skeletonValue(document, first.items as JsonSchema | undefined, [...path, 0], tabStop)];
  if (type === 'object') {
    const required = document.requiredAt(path);
    return Object.fromEntries(required.map((key) => [key, skeletonValue(document, document.at([...path, key]), [...path, key], tabStop)]));
  }
  return tabStop(Array.isArray(first.enum) ? { choices: first.enum.map(String) } : {});
}

/** A `defaultSnippets` body with its tab stops (`${1:label}`, `^${2:0.0}`, `${1|a,b|}`) handed to `tabStop`. */
function fromSnippetBody(body: unknown, tabStop: TabStopRenderer): unknown {
  if (Array.isArray(body)) return body.map((item) => fromSnippetBody(item, tabStop));
  if (body && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, fromSnippetBody(value, tabStop)]));
  }
  if (typeof body !== 'string') return body;
  const raw = body.startsWith('^');
  const choice = /^\^?\$\{\d+\|([^|]*)\|\}$/.exec(body);
  if (choice) return tabStop({ choices: choice[1].split(','), firstChoiceIsDefault: true });
  const label = /^\^?\$\{\d+:([^}]*)\}$/.exec(body);
  if (label) return tabStop(raw ? {} : { label: label[1] });
  return body;
}

/** "What the model is for" → "what the model is for"; acronyms ("GPU type") stay as they are. */
function lowerFirst(text: string): string {
  return /^[A-Z](?![A-Z])/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function escapeSnippetChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}
