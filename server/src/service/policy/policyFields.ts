import type { CardPath } from '../parsing/yamlNodes';
import { isRecord } from '../card/values';

/** `owners[].role` → ['owners', 0, 'role']: 0 stands for "each item" (the schema has one item schema). Undefined when it is not a field path. */
export function fieldPath(field: string): CardPath | undefined {
  if (!/^[A-Za-z_][\w-]*(\[\])?(\.[A-Za-z_][\w-]*(\[\])?)*$/.test(field)) return undefined;
  return field.split('.').flatMap((segment) => (segment.endsWith('[]') ? [segment.slice(0, -2), 0] : [segment]));
}

/** One value a field path reaches in a card, with its own path. */
export interface FieldValue {
  path: CardPath;
  value: unknown;
}

/**
 * The values a policy's field path reaches in a card's data: one for a plain path, one per item
 * where the path says `[]`, and one per item of a list of texts at the end (`governance.regulations`).
 * Absent fields reach nothing.
 */
export function fieldValues(cardValue: unknown, field: string): FieldValue[] {
  let reached: FieldValue[] = [{ path: [], value: cardValue }];
  for (const segment of field.split('.')) {
    const each = segment.endsWith('[]');
    const key = each ? segment.slice(0, -2) : segment;
    reached = reached.flatMap(({ path, value }) => (isRecord(value) && value[key] !== undefined ? [{ path: [...path, key], value: value[key] }] : []));
    if (each) reached = reached.flatMap(items);
  }
  return reached.flatMap((reachedValue) => (Array.isArray(reachedValue.value) && reachedValue.value.every((item) => !isRecord(item) && !Array.isArray(item)) ? items(reachedValue) : [reachedValue]));
}

function items({ path, value }: FieldValue): FieldValue[] {
  return Array.isArray(value) ? value.map((item, index) => ({ path: [...path, index], value: item })) : [];
}
