import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { rulesByCode } from '../service/diagnostics/rules';
import { effectiveSeverity } from '../service/diagnostics/validate';
import type { ModelCardSettings } from '../protocol';

export interface LintedFile {
  path: string;
  diagnostics: Diagnostic[];
}

const severityNames: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function severityName(diagnostic: Diagnostic): string {
  return severityNames[diagnostic.severity ?? DiagnosticSeverity.Error];
}

export function countBySeverity(files: readonly LintedFile[]): Record<string, number> {
  const counts: Record<string, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const diagnostic of files.flatMap((file) => file.diagnostics)) counts[severityName(diagnostic)]++;
  return counts;
}

/** `file:line:col severity code message`, one finding per line (lines and columns from 1). */
export function formatText(files: readonly LintedFile[]): string {
  return files
    .flatMap((file) =>
      file.diagnostics.map(
        (diagnostic) =>
          `${file.path}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${severityName(diagnostic)} ${String(diagnostic.code)} ${diagnostic.message}`,
      ),
    )
    .map((line) => `${line}\n`)
    .join('');
}

export function formatSummary(files: readonly LintedFile[]): string {
  const counts = countBySeverity(files);
  const cards = `${files.length} card${files.length === 1 ? '' : 's'}`;
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}${count === 1 || severity === 'information' ? '' : 's'}`);
  return parts.length === 0 ? `No problems in ${cards}.\n` : `${parts.join(', ')} in ${cards}.\n`;
}

export function formatJson(files: readonly LintedFile[]): string {
  const report = {
    files: files.map((file) => ({
      path: file.path,
      diagnostics: file.diagnostics.map((diagnostic) => ({
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: severityName(diagnostic),
        code: diagnostic.code,
        rule: rulesByCode.get(String(diagnostic.code))?.name,
        message: diagnostic.message,
        ...(diagnostic.data ? { fix: diagnostic.data } : {}),
      })),
    })),
    summary: { cards: files.length, ...countBySeverity(files) },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

const sarifLevels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, for code-scanning dashboards (GitHub, Azure DevOps). */
export function formatSarif(files: readonly LintedFile[], settings: ModelCardSettings): string {
  const rules = [...rulesByCode.values()];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'modelcard',
            rules: rules.map((rule) => ({
              id: rule.code,
              name: rule.name,
              shortDescription: { text: rule.name },
              fullDescription: { text: rule.rationale },
              defaultConfiguration: { level: sarifLevels[effectiveSeverity(rule, settings)] ?? 'none' },
            })),
          },
        },
        results: files.flatMap((file) =>
          file.diagnostics.map((diagnostic) => ({
            ruleId: String(diagnostic.code),
            ruleIndex: rules.findIndex((rule) => rule.code === diagnostic.code),
            level: sarifLevels[severityName(diagnostic)],
            message: { text: diagnostic.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.path.split('\\').join('/') },
                  region: {
                    startLine: diagnostic.range.start.line + 1,
                    startColumn: diagnostic.range.start.character + 1,
                    endLine: diagnostic.range.end.line + 1,
                    endColumn: diagnostic.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
