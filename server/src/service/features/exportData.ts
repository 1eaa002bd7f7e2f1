import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { CardData } from '../../protocol';
import type { ParsedCard } from '../parsing/parsedCard';

/** The card as plain data for export, with the number of errors among its diagnostics. */
export function exportData(card: ParsedCard, diagnostics: readonly Diagnostic[]): CardData {
  const errorCount = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
  const readable = card.root !== undefined && card.value !== undefined;
  return readable ? { data: card.value, errorCount } : { errorCount };
}
