import { isScalar, type Node } from 'yaml';
import { closestMatch } from '../text/closestMatch';

/** Helpers for reading the YAML files users write beside their cards (the project config, the policy). */

/** ` (did you mean `x`?)` for the candidate closest to `input`, or nothing. */
export function suggestion(input: string, candidates: readonly string[]): string {
  const closest = closestMatch(input, candidates);
  return closest ? ` (did you mean \`${closest}\`?)` : '';
}

/** A missing value, or an explicit YAML null. */
export function isNull(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && value.value === null);
}

/** The offset where `node` starts in the file, or `fallback`. */
export function startOf(node: unknown, fallback = 0): number {
  return (node as Node | null)?.range?.[0] ?? fallback;
}
