import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ModelCardSettings, PreviewAudience } from '../../protocol';
import { metricResults } from '../card/cardData';
import { isRecord } from '../card/values';
import type { ParsedCard } from '../parsing/parsedCard';
import { completeness } from './completeness';
import { mermaidFlowchart } from './diagram/mermaidFlowchart';
import { humanize } from './html';
import { signOffBadges, signOffSymbols, type SignOffBadge } from './signOffBadges';
import { type GraphicSource, type RecordsTable, isDetail, metricColumnsFor, sectionFindings, sectionTitle, tableOf, topLevelKeyLines, untitled, visibleSections } from './renderCard';

/**
 * The technical document as Markdown (`modelcard render --format md`): the sections of its kind,
 * as in the preview in the same order for the same audience, each with its sign-offs, metric
 * results and the sections the kind shows as tables as tables, the card's text fields as the
 * Markdown they are written in, and its findings under the sections they concern.
 */
export function renderMarkdown(
  card: ParsedCard,
  diagnostics: readonly Diagnostic[],
  audience: PreviewAudience,
  settings: ModelCardSettings,
  graphicSource?: GraphicSource,
): string {
  const value = isRecord(card.value) ? card.value : {};
  const { layout } = card.kind;
  const visible = visibleSections(layout, value, audience);
  const findings = sectionFindings(layout, diagnostics, topLevelKeyLines(card), value, visible);
  const badges = signOffBadges(card, settings.policy);
  const findingsOf = (keys: string[]) => findingList(keys.flatMap((key) => findings.get(key) ?? []));
  const details = Object.keys(value).filter((key) => isDetail(layout, key));
  // Scalars and lists of scalars fit the details table; owners, references with titles... get a heading of their own.
  const inTable = details.filter((key) => isFlat(value[key]));
  const detailBlocks = [
    ...(inTable.length > 0 ? [markdownTable(['Field', 'Value'], inTable.map((key) => [escapeCell(humanize(key)), inlineValue(value[key])]))] : []),
    ...details.filter((key) => !isFlat(value[key])).flatMap((key) => [`### ${escapeInline(humanize(key))}`, lines(value[key]).join('\n')]),
  ];
  const custom = Object.keys(value).filter((key) => key.startsWith('x-'));
  const blocks = [
    ...header(card, value, diagnostics, settings.placeholders),
    ...findingsOf(['']),
    ...(details.length > 0 ? [`## ${layout.detailsTitle}`, ...detailBlocks, ...findingsOf(details)] : []),
    ...visible.flatMap((key) => [`## ${sectionTitle(layout, key)}`, signOffLine(badges.get(key)), ...sectionBlocks(card, value, key, graphicSource), ...findingsOf([key])]),
    ...(custom.length > 0 ? ['## Custom fields', ...custom.flatMap((key) => [`### ${humanize(key.slice(2))}`, ...valueBlocks(value[key])])] : []),
  ];
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

function header(card: ParsedCard, value: Record<string, unknown>, diagnostics: readonly Diagnostic[], placeholders: readonly string[]): string[] {
  const title = typeof value.name === 'string' ? value.name : untitled(card);
  const version = value.version !== undefined ? ` v${String(value.version)}` : '';
  const status = isRecord(value.governance) && typeof value.governance.status === 'string' ? value.governance.status : 'draft';
  const score = completeness(card, placeholders);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning).length;
  const counts = ` · ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return [
    `# ${escapeInline(title)}${escapeInline(version)}`,
    typeof value.summary === 'string' ? value.summary.trim() : '',
    `**Status:** ${escapeInline(humanize(status))} · **Completeness:** ${score.score}%${counts}`,
    score.missing.length > 0 ? `Still to write: ${score.missing.map(escapeInline).join(', ')}.` : '',
  ];
}

function sectionBlocks(card: ParsedCard, value: Record<string, unknown>, key: string, graphicSource: GraphicSource | undefined): string[] {
  const { diagram } = card.kind;
  const graph = diagram?.section === key ? diagram.graph(card) : undefined;
  return [...(graph ? [`\`\`\`mermaid\n${mermaidFlowchart(graph)}\`\`\``] : []), ...sectionValueBlocks(card, value, key, graphicSource)];
}

function sectionValueBlocks(card: ParsedCard, value: Record<string, unknown>, key: string, graphicSource: GraphicSource | undefined): string[] {
  if (key === 'metrics') return metricsBlocks(card, value);
  if (key === 'graphics' && Array.isArray(value.graphics)) return figureBlocks(value.graphics, graphicSource);
  const records = tableOf(card.kind.layout, key, value[key]);
  return records ? [recordsTable(records)] : valueBlocks(value[key]);
}

/** A section the kind shows as a table: a row per item, or per key (in the first column). */
function recordsTable({ rows, columns, labelled }: RecordsTable): string {
  const head = [...(labelled ? [''] : []), ...columns.map((column) => escapeCell(humanize(column)))];
  const cells = rows.map(({ label, record }) => [...(label !== undefined ? [escapeCell(humanize(label))] : []), ...columns.map((column) => cellValue(record[column]))]);
  return markdownTable(head, cells);
}

/** A table cell's value: text on one line, lists joined, mappings as `key: value` pairs. */
function cellValue(value: unknown): string {
  if (isRecord(value)) return Object.entries(value).map(([key, entry]) => `${escapeCell(humanize(key))}: ${cellValue(entry)}`).join('; ');
  if (Array.isArray(value)) return value.map(cellValue).join(', ');
  return inlineValue(value);
}

function metricsBlocks(card: ParsedCard, value: Record<string, unknown>): string[] {
  const results = metricResults(card);
  if (results.length === 0) return valueBlocks(value.metrics);
  const columns = metricColumnsFor(results);
  return [markdownTable(columns.map((column) => column.heading), results.map((result) => columns.map((column) => escapeCell(column.cell(result)))))];
}

/** A section's sign-offs on one line: `✓ Signed off by … · ⚠ Stale sign-off by …`. */
function signOffLine(badges: readonly SignOffBadge[] | undefined): string {
  return (badges ?? []).map((badge) => `${signOffSymbols[badge.state]} ${escapeInline(badge.text)}`).join(' · ');
}

/** Figures as images (where `graphicSource` gives their address) with their name and description. */
function figureBlocks(graphics: unknown[], graphicSource: GraphicSource | undefined): string[] {
  return graphics.filter(isRecord).map((graphic) => {
    const name = typeof graphic.name === 'string' ? graphic.name : '';
    const description = typeof graphic.description === 'string' ? graphic.description.trim() : '';
    const source = typeof graphic.path === 'string' ? graphicSource?.(graphic.path) : undefined;
    const image = source ? `![${escapeInline(description || name)}](<${source.replace(/[<>]/g, encodeURIComponent)}>)` : `\`${String(graphic.path ?? '')}\``;
    return [image, `**${escapeInline(name)}**${description ? ` ${description}` : ''}`].join('\n\n');
  });
}

/** A value as Markdown blocks: text as written (it is Markdown), lists as bullets, mappings as sub-headings. */
export function valueBlocks(value: unknown): string[] {
  if (isRecord(value)) {
    return Object.entries(value)
      .filter(([key]) => !key.startsWith('x-'))
      .flatMap(([key, entry]) => [`### ${escapeInline(humanize(key))}`, lines(entry).join('\n')]);
  }
  return [lines(value).join('\n')];
}

/** A value as Markdown lines, nested values indented under their list item or label. */
function lines(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value.trim().split(/\r\n|\r|\n/);
  if (Array.isArray(value)) return value.flatMap(listItem);
  if (isRecord(value)) return recordLines(value);
  return [escapeInline(String(value))];
}

/** `**Label:** value` per entry: one after the other when every value fits on its line, else as paragraphs. */
function recordLines(record: Record<string, unknown>): string[] {
  const entries = Object.entries(record).filter(([key]) => !key.startsWith('x-'));
  const labels = entries.map(([key]) => `**${escapeInline(humanize(key))}:**`);
  const valueLines = entries.map(([, entry]) => lines(entry));
  const fitsLine = (index: number) => isFlat(entries[index][1]) && (Array.isArray(entries[index][1]) || valueLines[index].length <= 1);
  if (entries.every((_, index) => fitsLine(index))) {
    // A backslash at the end of a line is a line break.
    return entries.map((_, index) => `${labels[index]} ${inlineText(entries[index][1], valueLines[index])}${index < entries.length - 1 ? '\\' : ''}`);
  }
  return entries.flatMap((_, index) => {
    const entryLines = valueLines[index];
    if (fitsLine(index)) return [`${labels[index]} ${inlineText(entries[index][1], entryLines)}`, ''];
    return [labels[index], '', ...entryLines, ''];
  }).slice(0, -1);
}

function inlineText(value: unknown, valueLines: string[]): string {
  return Array.isArray(value) ? value.map((item) => escapeInline(String(item))).join(', ') : (valueLines[0] ?? '');
}

/** A scalar, or a list of scalars. */
function isFlat(value: unknown): boolean {
  return Array.isArray(value) ? value.every((item) => !isRecord(item) && !Array.isArray(item)) : !isRecord(value);
}

function listItem(item: unknown): string[] {
  const [first = '', ...rest] = lines(item);
  return [`- ${first}`, ...rest.map(indent)];
}

function indent(line: string): string {
  return line === '' ? '' : `  ${line}`;
}

/** A scalar or a list of scalars, for a table cell. */
function inlineValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => escapeCell(String(item))).join(', ');
  return escapeCell(value === null || value === undefined ? '' : String(value));
}

export function markdownTable(columns: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}

function findingList(findings: readonly Diagnostic[]): string[] {
  if (findings.length === 0) return [];
  const severity = (diagnostic: Diagnostic) =>
    diagnostic.severity === DiagnosticSeverity.Error ? 'Error' : diagnostic.severity === DiagnosticSeverity.Warning ? 'Warning' : 'Note';
  return [findings.map((finding) => `> **${severity(finding)}** ${String(finding.code)} (line ${finding.range.start.line + 1}): ${finding.message}`).join('\n>\n')];
}

/** Plain text inside a line of Markdown: the characters that would start markup are escaped. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*[\]<>#|~]/g, '\\$&').replace(/(^|\W)_|_(?=\W|$)/g, (match) => match.replace('_', '\\_')).replace(/&(?=[#\w]+;)/g, '&amp;');
}

/** Plain text inside a table cell: escaped, on one line. */
export function escapeCell(text: string): string {
  return escapeInline(text.replace(/\s*(\r\n|\r|\n)\s*/g, ' '));
}
