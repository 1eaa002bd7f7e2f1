/** Numbers as a card writes them: full precision, or rounded to a number of decimal places. */

/** The shortest text that reads back as exactly `value` (YAML's `.nan`, `.inf` for the specials). */
export function numberText(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return String(value);
}

/** `value` rounded to `decimals` places (0–100), as `toFixed` rounds: to the nearest, ties away from zero. */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value) || decimals > 100) return value;
  return Number(value.toFixed(decimals));
}

/**
 * The decimal places a number is written with in the card: `0.92` → 2, `1.5e-3` → 4, `12` → 0.
 * Undefined for text that is not a plain decimal number (`.nan`, `0x1F`).
 */
export function writtenDecimals(text: string): number | undefined {
  const match = /^[+-]?\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  return Math.max(0, (match[1]?.length ?? 0) - Number(match[2] ?? 0));
}

/**
 * Whether the card's value states the tracker's value: exactly, or rounded to the decimal places
 * the card writes (at least one: `1` does not stand for 0.92).
 */
export function statesValue(cardValue: number, cardText: string | undefined, trackerValue: number): boolean {
  if (Object.is(cardValue, trackerValue) || cardValue === trackerValue || (Number.isNaN(cardValue) && Number.isNaN(trackerValue))) return true;
  const decimals = cardText === undefined ? undefined : writtenDecimals(cardText);
  return decimals !== undefined && decimals >= 1 && roundTo(trackerValue, decimals) === cardValue;
}
