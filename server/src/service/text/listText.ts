/** "a", "a or b", "a, b or c" (or with another conjunction). */
export function listText(items: readonly string[], conjunction = 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
