/**
 * Rewrites every `anyOf` whose branches accept different JSON types into an if/then chain keyed
 * on the value's type. Validation accepts exactly the same documents, but ajv then reports only
 * the errors of the branch the value's type selects (a list is checked as a list), and one plain
 * type error when no branch fits, instead of every branch's errors at once.
 */

export type JsonSchema = { [keyword: string]: unknown };

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** `sources`: the other schema files `schema` refers to (by `$id`), to tell the type of a branch that is a reference into one. */
export function dispatchAnyOfByType(schema: JsonSchema, sources: readonly JsonSchema[] = []): JsonSchema {
  return dispatch(schema, schema, sources);
}

function dispatch(schema: JsonSchema, root: JsonSchema, sources: readonly JsonSchema[]): JsonSchema {
  const rewritten: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    rewritten[keyword] = rewriteChild(value, root, sources);
  }
  const branches = rewritten.anyOf;
  if (!Array.isArray(branches)) return rewritten;
  const types = branches.map((branch) => branchType(branch as JsonSchema, root, sources));
  if (!typesAreDisjoint(types)) return rewritten;
  delete rewritten.anyOf;
  const chain = buildChain(branches as JsonSchema[], types as JsonType[][]);
  rewritten.allOf = [...((rewritten.allOf as JsonSchema[] | undefined) ?? []), chain];
  return rewritten;
}

function rewriteChild(value: unknown, root: JsonSchema, sources: readonly JsonSchema[]): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteChild(item, root, sources));
  if (value !== null && typeof value === 'object') return dispatch(value as JsonSchema, root, sources);
  return value;
}

function buildChain(branches: JsonSchema[], types: JsonType[][]): JsonSchema {
  const accepted = [...new Set(types.flat())];
  return branches.reduceRight<JsonSchema>(
    (otherwise, branch, index) => ({ if: { type: typeList(types[index]) }, then: branch, else: otherwise }),
    { type: typeList(accepted) },
  );
}

function typeList(types: JsonType[]): JsonType | JsonType[] {
  return types.length === 1 ? types[0] : types;
}

function branchType(branch: JsonSchema, root: JsonSchema, sources: readonly JsonSchema[]): JsonType[] | undefined {
  if (typeof branch.type === 'string') return [branch.type as JsonType];
  if (Array.isArray(branch.type)) return branch.type as JsonType[];
  if (typeof branch.$ref !== 'string') return undefined;
  if (branch.$ref.startsWith('#')) {
    const target = resolveLocalRef(branch.$ref, root);
    return target ? branchType(target, root, sources) : undefined;
  }
  // A reference into another schema file, resolved against this schema's `$id`.
  const url = new URL(branch.$ref, typeof root.$id === 'string' ? root.$id : undefined);
  const pointer = url.hash;
  url.hash = '';
  const source = sources.find((candidate) => candidate.$id === url.href);
  const target = source && resolveLocalRef(pointer, source);
  return target && source ? branchType(target, source, sources) : undefined;
}

export function resolveLocalRef(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let current: unknown = root;
  for (const segment of ref.slice(2).split('/')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as JsonSchema)[decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current as JsonSchema | undefined;
}

function typesAreDisjoint(types: (JsonType[] | undefined)[]): boolean {
  const seen = new Set<JsonType>();
  for (const branchTypes of types) {
    if (!branchTypes) return false;
    for (const type of branchTypes) {
      const overlapping = type === 'integer' ? ['integer', 'number'] : type === 'number' ? ['number', 'integer'] : [type];
      if (overlapping.some((other) => seen.has(other as JsonType))) return false;
      seen.add(type);
    }
  }
  return true;
}
