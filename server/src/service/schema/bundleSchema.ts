import { resolveLocalRef, type JsonSchema } from './anyOfDispatch';

/**
 * The schema with every `$ref` into another schema file (`../modelcard/1.json#/$defs/person`,
 * resolved against the schema's `$id`) replaced by a local `$ref` to a copy of its target under
 * `$defs`, named after the target's last segment (`#/$defs/person`). What the target refers to
 * is copied too. The result stands on its own: ajv, the editor features and the editors that read
 * dist/*.schema.json need no other file. `sources` are the schemas it may refer to, by `$id`.
 */
export function bundleSchema(schema: JsonSchema, sources: readonly JsonSchema[]): JsonSchema {
  const ownId = typeof schema.$id === 'string' ? schema.$id : '';
  const sourcesById = new Map(sources.map((source) => [String(source.$id), source]));
  const ownDefs = (schema.$defs ?? {}) as Record<string, unknown>;
  const defs: Record<string, unknown> = {};
  /** Local names of the copied targets, by their absolute address. */
  const copies = new Map<string, string>();

  const localRef = (ref: string, base: string): string => {
    if (ref.startsWith('#') && base === ownId) return ref;
    const url = ref.startsWith('#') ? new URL(`${base}${ref}`) : new URL(ref, base || undefined);
    const pointer = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    if (url.href === ownId) return `#${pointer}`;
    const source = sourcesById.get(url.href);
    const target = source && resolveLocalRef(`#${pointer}`, source);
    if (!target) throw new Error(`${ownId || 'A schema'} refers to ${ref}, which is not among its sources`);
    const address = `${url.href}#${pointer}`;
    let name = copies.get(address);
    if (name === undefined) {
      name = pointer.split('/').pop()!;
      if (name in ownDefs || name in defs) throw new Error(`${ownId}: the copy of ${address} would replace $defs/${name}`);
      copies.set(address, name);
      defs[name] = {};
      defs[name] = rewrite(target, url.href);
    }
    return `#/$defs/${name}`;
  };

  const rewrite = (node: unknown, base: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, base));
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' ? localRef(value, base) : rewrite(value, base)]),
    );
  };

  for (const [name, definition] of Object.entries(ownDefs)) defs[name] = rewrite(definition, ownId);
  const bundled = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === '$defs' ? defs : rewrite(value, ownId)]));
  if (!('$defs' in bundled) && Object.keys(defs).length > 0) bundled.$defs = defs;
  return bundled;
}
