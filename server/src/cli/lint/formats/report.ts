import { createHash } from 'node:crypto';
import path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ModelCardSettings } from '../../../protocol';
import type { LintedCard } from '../lintCard';

/** What every output format is given. */
export interface LintReport {
  /** The cards linted, in order (cards that could not be read carry an `error` and no findings). */
  cards: readonly LintedCard[];
  /** The settings of the command line (defaults and `--rule`), under which the rules' levels are listed. */
  settings: ModelCardSettings;
  /** Why a card misses the `--require-status` gate, by its path. */
  gateFailures: ReadonlyMap<string, string>;
}

/** One output format: the report as the text printed on stdout. */
export type Formatter = (report: LintReport) => string;

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

const severityNames: Record<DiagnosticSeverity, SeverityName> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function severityName(diagnostic: Diagnostic): SeverityName {
  return severityNames[diagnostic.severity ?? DiagnosticSeverity.Error];
}

export function countBySeverity(cards: readonly LintedCard[]): Record<SeverityName, number> {
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const diagnostic of cards.flatMap((card) => card.diagnostics)) counts[severityName(diagnostic)]++;
  return counts;
}

/** A finding's range with lines and columns from 1, as every report format counts them. */
export function oneBased({ range }: Diagnostic): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

export function messageText({ message }: Diagnostic): string {
  return typeof message === 'string' ? message : (message as { value: string }).value;
}

/** A path with `/` between its parts, as report formats (and the web) write them. */
export function slashPath(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * A finding's fingerprint for dashboards that track findings across commits (GitLab, code
 * scanning): a hash of the card's path, the rule and the message, not the line, so that it stays
 * the same when lines move. Identical findings in one card are told apart by their order.
 */
export function fingerprints(card: LintedCard): string[] {
  const seen = new Map<string, number>();
  return card.diagnostics.map((diagnostic) => {
    const key = [slashPath(card.path), String(diagnostic.code), messageText(diagnostic)].join('\0');
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
  });
}
