import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { DocumentSummary } from '../../protocol';
import { isRecord } from '../card/values';
import { cardSummary } from '../features/cardSummary';
import type { ParsedCard } from '../parsing/parsedCard';

/** A document's kind, name, review status, first owner and finding counts (`diagnostics`: its diagnostics under the settings in force). */
export function documentSummary(card: ParsedCard, diagnostics: readonly Diagnostic[]): DocumentSummary {
  const owner = firstOwner(isRecord(card.value) ? card.value.owners : undefined);
  return {
    kind: card.kind.id,
    ...cardSummary(card),
    ...(owner !== undefined ? { owner } : {}),
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning).length,
  };
}

/** The name of the first owner: `owners: [Ada]` or `owners: [{name: Ada, role: ...}]`. */
function firstOwner(owners: unknown): string | undefined {
  const [first] = Array.isArray(owners) ? owners : [];
  const name = isRecord(first) ? first.name : first;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}
