import { isRecord } from '../../card/values';

/** Where a card keeps what Model Card Toolkit JSON holds and the card has no field for, laid out as in the MCT JSON. */
export const mctExtensionKey = 'x-model-card-toolkit';

/** Sets `value` at `path` in a sparse mirror of the MCT JSON (creating the mappings on the way). */
export function setAt(mirror: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = mirror;
  for (const key of path.slice(0, -1)) {
    if (!isRecord(current[key])) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[path[path.length - 1]] = value;
}

/** `extra` merged into `base`: mappings key by key, anything else from `extra` where `base` has nothing. */
export function mergedInto(base: Record<string, unknown>, extra: unknown): Record<string, unknown> {
  if (!isRecord(extra)) return base;
  const merged = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    merged[key] = isRecord(merged[key]) && isRecord(value) ? mergedInto(merged[key] as Record<string, unknown>, value) : (merged[key] ?? value);
  }
  return merged;
}
