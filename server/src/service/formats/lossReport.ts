import type { FormatFinding, Loss } from './formatTypes';

/** The loss report, one line per field: `  model_parameters.input_format: no card field; kept under x-model-card-toolkit`. */
export function lossReportLines(losses: readonly Loss[]): string[] {
  return losses.map((loss) => `  ${loss.where}: ${loss.reason}`);
}

/** A finding as one line, with its line and column in the source when it has a place: `README.md:3:10: error: ...`. */
export function findingLine(finding: FormatFinding, source: { name: string; text: string }): string {
  if (finding.start === undefined) return `${source.name}: ${finding.severity}: ${finding.message}`;
  const before = source.text.slice(0, finding.start);
  const line = before.split('\n').length;
  const column = finding.start - before.lastIndexOf('\n');
  return `${source.name}:${line}:${column}: ${finding.severity}: ${finding.message}`;
}
