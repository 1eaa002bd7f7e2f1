/**
 * Rewrites every `anyOf` whose branches accept different JSON types into an if/then chain keyed
 * on the value's type. Validation accepts exactly the same documents, but ajv then reports only
 * the errors of the branch the value's type selects (a list is checked as a list), and one plain
 * type error when no branch fits, instead of every branch's errors at once.
 */

export type JsonSchema = { [keyword: string]: unknown };

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

export function dispatchAnyOfByType(schema: JsonSchema, root: JsonSchema = schema): JsonSchema {
  const rewritten: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    rewritten[keyword] = rewriteChild(value, root);
  }
  const branches = rewritten.anyOf;
  if (!Array.isArray(branches)) return rewritten;
  const types = branches.map((branch) => branchType(branch as JsonSchema, root));
  if (!typesAreDisjoint(types)) return rewritten;
  delete rewritten.anyOf;
  const chain = buildChain(branches as JsonSchema[], types as JsonType[][]);
  rewritten.allOf = [...((rewritten.allOf as JsonSchema[] | undefined) ?? []), chain];
  return rewritten;
}

function rewriteChild(value: unknown, root: JsonSchema): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteChild(item, root));
  if (value !== null && typeof value === 'object') return dispatchAnyOfByType(value as JsonSchema, root);
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

function branchType(branch: JsonSchema, root: JsonSchema): JsonType[] | undefined {
  if (typeof branch.type === 'string') return [branch.type as JsonType];
  if (Array.isArray(branch.type)) return branch.type as JsonType[];
  if (typeof branch.$ref === 'string') {
    const target = resolveLocalRef(branch.$ref, root);
    return target ? branchType(target, root) : undefined;
  }
  return undefined;
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
