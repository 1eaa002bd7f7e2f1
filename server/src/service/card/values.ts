import { isPlaceholderText } from '../text/placeholders';

/** Whether `value` is a mapping (a plain object, not a list or null). */
/** A number that is neither NaN nor infinite (YAML's `.nan`, `.inf` and `1e400` read as those). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plain value at `path` inside `value` (a card's data), or undefined. */
export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((current, segment) => (isRecord(current) || Array.isArray(current) ? (current as Record<string, unknown>)[segment] : undefined), value);
}

/** Whether `value` holds something written: text that is not a placeholder, at any depth, or any other value. */
export function hasContent(value: unknown, placeholders: readonly string[]): boolean {
  if (typeof value === 'string') return value.trim() !== '' && !isPlaceholderText(value, placeholders);
  if (Array.isArray(value)) return value.some((item) => hasContent(item, placeholders));
  if (isRecord(value)) return Object.values(value).some((item) => hasContent(item, placeholders));
  return value !== null && value !== undefined;
}
