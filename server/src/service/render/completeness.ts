import type { ParsedCard } from '../parsing/parsedCard';
import { nodeAt, type CardPath } from '../parsing/yamlNodes';
import { hasContent, valueAt } from '../card/values';

export interface Completeness {
  /** Share of the recommended parts that are written, 0–100. */
  score: number;
  /** The parts still missing or left as placeholders, in reading order. */
  missing: string[];
}

/** How much of what the card's kind recommends (its `recommendedParts`) the card has written. */
export function completeness(card: ParsedCard, placeholders: readonly string[]): Completeness {
  const parts = card.kind.recommendedParts;
  const missing = parts
    .filter(({ paths, otherwise }) => !paths.every((path) => isWritten(card, path, placeholders)) && !(otherwise && isWritten(card, otherwise, placeholders)))
    .map(({ label }) => label);
  const score = parts.length === 0 ? 100 : Math.round((100 * (parts.length - missing.length)) / parts.length);
  return { score, missing };
}

/** Present, and holding some text that is not a placeholder. */
function isWritten(card: ParsedCard, path: CardPath, placeholders: readonly string[]): boolean {
  return nodeAt(card.root, path) !== undefined && hasContent(valueAt(card.value, path), placeholders);
}
