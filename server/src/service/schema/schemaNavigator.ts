import type { CardPath } from '../parsing/yamlNodes';
import type { JsonSchema } from './anyOfDispatch';

export type { JsonSchema };

/*
 * Walking a dereferenced schema (see dereference.ts: no `$ref` left), so each part of it can be
 * read on its own. A document kind's schema (DocumentSchema) offers these walks over its own root.
 */

/** The schemas a value may match: the schema itself, or each branch of its `anyOf`. */
export function alternatives(schema: JsonSchema): JsonSchema[] {
  if (!Array.isArray(schema.anyOf)) return [schema];
  const { anyOf, ...shared } = schema;
  return (anyOf as JsonSchema[]).flatMap((branch) => alternatives(branch).map((alternative) => ({ ...shared, ...alternative })));
}

export function acceptsType(schema: JsonSchema, type: string): boolean {
  const types = [schema.type].flat();
  return types.includes(type) || (type === 'number' && types.includes('integer'));
}

/** The branch of `schema` for objects (when `segment` is a key) or lists (when it is an index). */
function branchFor(schema: JsonSchema, segment: string | number): JsonSchema | undefined {
  return alternatives(schema).find((alternative) => acceptsType(alternative, typeof segment === 'number' ? 'array' : 'object'));
}

/** The schema of the value at `path` below `root`, or undefined where the schema says nothing (custom `x-` keys). */
export function schemaAt(root: JsonSchema, path: CardPath): JsonSchema | undefined {
  let current: JsonSchema | undefined = root;
  for (const segment of path) {
    const branch: JsonSchema | undefined = current && branchFor(current, segment);
    if (!branch) return undefined;
    current = typeof segment === 'number' ? childSchema(branch.items) : childSchema((branch.properties as JsonSchema | undefined)?.[segment] ?? branch.additionalProperties);
  }
  return current;
}

function childSchema(value: unknown): JsonSchema | undefined {
  return value && typeof value === 'object' ? (value as JsonSchema) : undefined;
}

function objectBranchAt(root: JsonSchema, path: CardPath): JsonSchema | undefined {
  const schema = schemaAt(root, path);
  return schema && alternatives(schema).find((alternative) => acceptsType(alternative, 'object'));
}

/** The keys an object at `path` may have, in the schema's order, with their schemas. */
export function propertiesAt(root: JsonSchema, path: CardPath): [string, JsonSchema][] {
  return Object.entries((objectBranchAt(root, path)?.properties ?? {}) as Record<string, JsonSchema>);
}

/** Names of the keys an object at `path` must have. */
export function requiredAt(root: JsonSchema, path: CardPath): string[] {
  return (objectBranchAt(root, path)?.required as string[] | undefined) ?? [];
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'number',
  integer: 'whole number',
  boolean: 'true or false',
  array: 'list',
  object: 'mapping',
};

/** What a value of this schema looks like, in words: "text or list of text". */
export function describeType(schema: JsonSchema): string {
  return alternatives(schema)
    .map((alternative) => {
      const types = [alternative.type].flat().filter((type): type is string => typeof type === 'string');
      if (types.includes('array') && alternative.items) return `list of ${describeType(alternative.items as JsonSchema)}`;
      if (alternative.enum) return `one of ${(alternative.enum as unknown[]).length > 8 ? 'a fixed vocabulary' : (alternative.enum as unknown[]).join(', ')}`;
      return types.map((type) => typeNames[type] ?? type).join(' or ') || 'any value';
    })
    .join(' or ');
}
