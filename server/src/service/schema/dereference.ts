import { resolveLocalRef, type JsonSchema } from './anyOfDispatch';

/**
 * The schema with each local `$ref` replaced by its target, the keywords written beside the
 * `$ref` winning (a property's own description over its definition's). The editor features walk
 * this copy, so any part of it stands on its own. A target used several times is one shared
 * object; a definition that refers to itself is refused (no schema of ours needs one).
 */
export function dereference(schema: JsonSchema): JsonSchema {
  const targets = new Map<string, unknown>();
  const resolving = new Set<string>();

  const target = (ref: string): unknown => {
    if (!targets.has(ref)) {
      if (resolving.has(ref)) throw new Error(`${String(schema.$id ?? 'The schema')}: ${ref} refers to itself`);
      resolving.add(ref);
      const found = resolveLocalRef(ref, schema);
      if (!found) throw new Error(`${String(schema.$id ?? 'The schema')}: no ${ref}`);
      targets.set(ref, visit(found));
      resolving.delete(ref);
    }
    return targets.get(ref);
  };

  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const { $ref: ref, ...own } = node as JsonSchema;
    const resolved = Object.fromEntries(Object.entries(own).map(([key, value]) => [key, visit(value)]));
    return typeof ref === 'string' ? { ...(target(ref) as JsonSchema), ...resolved } : resolved;
  };

  return visit(schema) as JsonSchema;
}
