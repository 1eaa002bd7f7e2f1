import type { LintedCard } from '../lintCard';
import { countBySeverity, messageText, oneBased, severityName, type Formatter } from './report';

/** `file:line:col severity code message`, one finding per line (lines and columns from 1). */
export const formatText: Formatter = ({ cards }) =>
  cards
    .flatMap((card) =>
      card.diagnostics.map((diagnostic) => {
        const { line, column } = oneBased(diagnostic);
        return `${card.path}:${line}:${column} ${severityName(diagnostic)} ${String(diagnostic.code)} ${messageText(diagnostic)}\n`;
      }),
    )
    .join('');

/** "1 error, 2 warnings in 3 cards." (stderr, after the text format). */
export function summaryLine(cards: readonly LintedCard[]): string {
  const counts = countBySeverity(cards);
  const cardCount = `${cards.length} card${cards.length === 1 ? '' : 's'}`;
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}${count === 1 || severity === 'information' ? '' : 's'}`);
  return parts.length === 0 ? `No problems in ${cardCount}.` : `${parts.join(', ')} in ${cardCount}.`;
}
