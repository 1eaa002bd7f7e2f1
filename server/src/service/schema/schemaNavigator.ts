import type { CardPath } from '../parsing/yamlNodes';
import { resolveLocalRef, type JsonSchema } from './anyOfDispatch';
import { cardSchema } from './cardSchema';

export type { JsonSchema };

/** The schema with a local `$ref` followed (descriptions on the referring schema win). */
export function resolveSchema(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref !== 'string') return schema;
  const target = resolveLocalRef(schema.$ref, cardSchema) ?? {};
  const { $ref: _ref, ...own } = schema;
  return { ...resolveSchema(target), ...own };
}

/** The schemas a value may match: the schema itself, or each branch of its `anyOf`, resolved. */
export function alternatives(schema: JsonSchema): JsonSchema[] {
  const resolved = resolveSchema(schema);
  if (!Array.isArray(resolved.anyOf)) return [resolved];
  const { anyOf, ...shared } = resolved;
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

/** The schema of the value at `path` in a card, or undefined where the schema says nothing (custom `x-` keys). */
export function schemaAt(path: CardPath): JsonSchema | undefined {
  let current: JsonSchema | undefined = cardSchema;
  for (const segment of path) {
    const branch: JsonSchema | undefined = current && branchFor(current, segment);
    if (!branch) return undefined;
    current = typeof segment === 'number' ? childSchema(branch.items) : childSchema((branch.properties as JsonSchema | undefined)?.[segment] ?? branch.additionalProperties);
  }
  return current && resolveSchema(current);
}

function childSchema(value: unknown): JsonSchema | undefined {
  return value && typeof value === 'object' ? resolveSchema(value as JsonSchema) : undefined;
}

/** The keys an object at `path` may have, in the schema's order, with their schemas. */
export function propertiesAt(path: CardPath): [string, JsonSchema][] {
  const schema = schemaAt(path);
  const objectBranch = schema && alternatives(schema).find((alternative) => acceptsType(alternative, 'object'));
  const properties = (objectBranch?.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([key, property]) => [key, resolveSchema(property)]);
}

/** Names of the keys an object at `path` must have. */
export function requiredAt(path: CardPath): string[] {
  const schema = schemaAt(path);
  const objectBranch = schema && alternatives(schema).find((alternative) => acceptsType(alternative, 'object'));
  return (objectBranch?.required as string[] | undefined) ?? [];
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
