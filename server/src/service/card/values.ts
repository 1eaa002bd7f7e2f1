/** Whether `value` is a mapping (a plain object, not a list or null). */
/** A number that is neither NaN nor infinite (YAML's `.nan`, `.inf` and `1e400` read as those). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
