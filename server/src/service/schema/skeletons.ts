import { stringify } from 'yaml';
import type { CardPath } from '../parsing/yamlNodes';
import { alternatives, requiredAt, schemaAt, type JsonSchema } from './schemaNavigator';

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
 * becomes a placeholder the placeholder rule flags, so nothing fake looks finished.
 */
export function keySkeleton(path: CardPath, options: SkeletonOptions, valueText?: string): string {
  const key = String(path[path.length - 1]);
  if (valueText !== undefined) return `${key}: ${valueText}`;
  const value = skeletonValue(schemaAt(path), path, options.placeholder);
  return stringify({ [key]: value }, { indent: options.indentSize, indentSeq: options.indentSequences, singleQuote: true, lineWidth: 0 }).trimEnd();
}

function skeletonValue(schema: JsonSchema | undefined, path: CardPath, placeholder: string): unknown {
  if (!schema) return placeholder;
  const snippet = (schema.defaultSnippets as { body?: unknown }[] | undefined)?.[0]?.body;
  if (snippet !== undefined) return fromSnippetBody(snippet, placeholder);
  if (schema.default !== undefined) return schema.default;
  const [first] = alternatives(schema);
  const type = [first.type].flat()[0];
  if (type === 'array') return [skeletonValue(first.items as JsonSchema | undefined, [...path, 0], placeholder)];
  if (type === 'object') {
    const required = requiredAt(path);
    return Object.fromEntries(required.map((key) => [key, skeletonValue(schemaAt([...path, key]), [...path, key], placeholder)]));
  }
  return placeholder;
}

/** A `defaultSnippets` body with its tab stops (`${1:label}`, `^${2:0.0}`, `${1|a,b|}`) turned into plain values. */
function fromSnippetBody(body: unknown, placeholder: string): unknown {
  if (Array.isArray(body)) return body.map((item) => fromSnippetBody(item, placeholder));
  if (body && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, fromSnippetBody(value, placeholder)]));
  }
  if (typeof body !== 'string') return body;
  if (body.startsWith('^')) return placeholder;
  const choice = /^\$\{\d+\|([^,|]*)[,|]/.exec(body);
  if (choice) return choice[1];
  const label = /^\$\{\d+:([^}]*)\}$/.exec(body);
  return label ? `${placeholder}: ${label[1]}` : body;
}
