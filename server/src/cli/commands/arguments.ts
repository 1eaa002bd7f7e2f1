import { InvalidArgumentError } from 'commander';

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A whole number from 0 up. */
export function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number (0, 1, 2...)');
  return Number(value);
}
