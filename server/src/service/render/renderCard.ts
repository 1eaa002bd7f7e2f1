import { isScalar } from 'yaml';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { PreviewAudience, RenderedCard } from '../../protocol';
import { metricResults, type MetricResult } from '../card/cardData';
import { isRecord } from '../card/values';
import type { ParsedCard } from '../parsing/parsedCard';
import { completeness, type Completeness } from './completeness';
import { escapeHtml } from './escapeHtml';
import { definitionList, humanize, valueToHtml, type ValueSource } from './html';
import { confidenceBounds, metricCharts, sliceLabel } from './metricCharts';
import { sourceLines, type SourceLines } from './sourceLines';

/** The card's sections in reading order; model details are the top-level keys not listed here. */
const sections = [
  'intended_use', 'factors', 'metrics', 'evaluation_data', 'training_data', 'quantitative_analyses',
  'ethical_considerations', 'caveats_and_recommendations', 'limitations', 'environment', 'governance',
];
const sectionTitles: Record<string, string> = { intended_use: 'Intended use', caveats_and_recommendations: 'Caveats and recommendations' };
const headerKeys = ['name', 'version', 'summary', 'schema_version'];

interface RenderContext {
  card: ParsedCard;
  value: Record<string, unknown>;
  /** Line of each top-level key, for scroll sync and for placing findings. */
  keyLines: Map<string, number>;
  /** Lines of the values below the top level, for scroll sync. */
  lines: SourceLines;
  findingsBySection: Map<string, Diagnostic[]>;
  showFindings: boolean;
}

/**
 * The card as HTML for the preview (and the CLI's render): every section with a heading, metric
 * results as a table with a chart per sliced metric, Markdown text fields, and the card's findings
 * beside the sections they concern. Block elements carry `data-line` for scroll sync.
 */
export function renderCard(card: ParsedCard, diagnostics: readonly Diagnostic[], audience: PreviewAudience, placeholders: readonly string[]): RenderedCard {
  const value = isRecord(card.value) ? card.value : {};
  const keyLines = topLevelKeyLines(card);
  const order = audience === 'reviewer' || audience === 'compliance' ? ['governance', ...sections.filter((key) => key !== 'governance')] : sections;
  const visible = order.filter((key) => key in value && !(audience === 'public' && key === 'governance'));
  const keysWithFindings = new Set([...visible, ...Object.keys(value).filter(isModelDetail)]);
  const context: RenderContext = {
    card,
    value,
    keyLines,
    lines: sourceLines(card),
    findingsBySection: groupFindings(diagnostics, keyLines, keysWithFindings),
    showFindings: audience !== 'public',
  };
  const score = completeness(card, placeholders);
  const counts = countBySeverity(diagnostics);
  const body = [
    header(context, score, counts),
    modelDetails(context),
    ...visible.map((key) => section(context, key)),
    customFields(context),
    `<div class="code-line" data-line="${card.document.lineCount}"></div>`,
  ].join('\n');
  return {
    title: typeof value.name === 'string' ? value.name : 'Untitled model card',
    html: body,
    status: typeof (value.governance as Record<string, unknown> | undefined)?.status === 'string' ? String((value.governance as Record<string, unknown>).status) : undefined,
    completeness: score.score,
    errors: counts.errors,
    warnings: counts.warnings,
  };
}

function header(context: RenderContext, score: Completeness, counts: SeverityCounts): string {
  const { value } = context;
  const status = isRecord(value.governance) && typeof value.governance.status === 'string' ? value.governance.status : 'draft';
  const version = value.version !== undefined ? ` <span class="version">v${escapeHtml(String(value.version))}</span>` : '';
  const summary = typeof value.summary === 'string' ? `<p class="summary">${escapeHtml(value.summary)}</p>` : '';
  const missing = score.missing.length > 0 ? `<p class="missing">Still to write: ${score.missing.map(escapeHtml).join(', ')}.</p>` : '';
  const findings = context.showFindings
    ? `<span class="counts">${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}</span>`
    : '';
  const unplaced = context.showFindings ? findingsList(context.findingsBySection.get('') ?? []) : '';
  return (
    `<header class="code-line card-header" data-line="0"><h1>${escapeHtml(typeof value.name === 'string' ? value.name : 'Untitled model card')}${version}</h1>` +
    `${summary}<p class="badges"><span class="status status-${escapeHtml(status)}">${escapeHtml(humanize(status))}</span>` +
    `<span class="completeness" title="Share of the recommended sections that are written">Completeness ${score.score}%</span>${findings}</p>` +
    `<meter min="0" max="100" value="${score.score}"></meter>${missing}${unplaced}</header>`
  );
}

function modelDetails(context: RenderContext): string {
  const entries = Object.entries(context.value).filter(([key]) => isModelDetail(key));
  if (entries.length === 0) return '';
  const rows = entries.map(([key, value]) => `<tr class="code-line" data-line="${context.keyLines.get(key) ?? 0}"><th>${escapeHtml(humanize(key))}</th><td>${valueToHtml(value, sourceOf(context, [key]))}</td></tr>`);
  const findings = entries.flatMap(([key]) => context.findingsBySection.get(key) ?? []);
  return `<section id="model-details"><h2>Model details</h2><table class="details">${rows.join('')}</table>${context.showFindings ? findingsList(findings) : ''}</section>`;
}

/** A top-level key shown in the model details table: not a section, not in the header, not a custom field. */
function isModelDetail(key: string): boolean {
  return !sections.includes(key) && !headerKeys.includes(key) && !key.startsWith('x-');
}

function section(context: RenderContext, key: string): string {
  const line = context.keyLines.get(key) ?? 0;
  const content = key === 'metrics' ? metricsSection(context) : valueToHtml(context.value[key], sourceOf(context, [key]));
  const findings = context.showFindings ? findingsList(context.findingsBySection.get(key) ?? []) : '';
  return `<section id="${key}" class="code-line" data-line="${line}"><h2>${escapeHtml(sectionTitles[key] ?? humanize(key))}</h2>${content}${findings}</section>`;
}

function metricsSection(context: RenderContext): string {
  const results = metricResults(context.card);
  if (results.length === 0) return valueToHtml(context.value.metrics, sourceOf(context, ['metrics']));
  const rows = results.map((result) => metricRow(context, result));
  const table =
    '<table class="metrics"><thead><tr><th>Metric</th><th>Value</th><th>95% CI / interval</th><th>Slice</th><th>Dataset</th><th>Threshold</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`;
  return table + metricCharts(results).join('');
}

function metricRow(context: RenderContext, result: MetricResult): string {
  const node = result.form === 'list' ? context.lines.entryLine(result.path) : undefined;
  const bounds = confidenceBounds(result.confidenceInterval);
  const threshold = result.form === 'list' && Array.isArray(context.value.metrics) ? (context.value.metrics[result.path[1] as number] as Record<string, unknown>).threshold : undefined;
  const cells = [
    result.name,
    String(result.value ?? ''),
    bounds ? `${bounds[0]} – ${bounds[1]}` : '',
    result.form === 'list' ? sliceLabel(result.slice) : '',
    typeof result.dataset === 'string' ? result.dataset : '',
    threshold !== undefined ? String(threshold) : '',
  ];
  return `<tr${node !== undefined ? ` class="code-line" data-line="${node}"` : ''}>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
}

function customFields(context: RenderContext): string {
  const custom = Object.entries(context.value).filter(([key]) => key.startsWith('x-'));
  if (custom.length === 0) return '';
  const list = definitionList(custom, sourceOf(context, []), (key) => humanize(key.slice(2)));
  return `<section id="custom-fields"><h2>Custom fields</h2>${list}</section>`;
}

function sourceOf(context: RenderContext, path: (string | number)[]): ValueSource {
  return { lines: context.lines, path };
}

function findingsList(findings: readonly Diagnostic[]): string {
  if (findings.length === 0) return '';
  const items = findings.map((finding) => {
    const severity = finding.severity === DiagnosticSeverity.Error ? 'error' : finding.severity === DiagnosticSeverity.Warning ? 'warning' : 'info';
    return `<li class="finding ${severity}" data-line="${finding.range.start.line}"><span class="code">${escapeHtml(String(finding.code))}</span> ${escapeHtml(messageText(finding))}</li>`;
  });
  return `<ul class="findings">${items.join('')}</ul>`;
}

function messageText({ message }: Diagnostic): string {
  return typeof message === 'string' ? message : message.value;
}

function topLevelKeyLines(card: ParsedCard): Map<string, number> {
  const lines = new Map<string, number>();
  for (const pair of card.root?.items ?? []) {
    if (isScalar(pair.key) && pair.key.range) lines.set(String(pair.key.value), card.document.positionAt(pair.key.range[0]).line);
  }
  return lines;
}

/**
 * Findings by the top-level key whose lines they fall on, for the keys in `keysWithFindings` (the
 * parts of the page that list findings). Findings about something missing from the card (placed
 * on its first key), outside any key, or on a key shown elsewhere (the name, a custom field) go
 * under '' (the header): every finding is shown once.
 */
function groupFindings(diagnostics: readonly Diagnostic[], keyLines: Map<string, number>, keysWithFindings: ReadonlySet<string>): Map<string, Diagnostic[]> {
  const starts = [...keyLines.entries()].sort((a, b) => a[1] - b[1]);
  const groups = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const missingSection = (diagnostic.data as { kind?: string; path?: unknown[] } | undefined)?.kind === 'insertKey' && (diagnostic.data as { path: unknown[] }).path.length === 1;
    const key = missingSection ? '' : [...starts].reverse().find(([, line]) => line <= diagnostic.range.start.line)?.[0] ?? '';
    const owner = keysWithFindings.has(key) ? key : '';
    groups.set(owner, [...(groups.get(owner) ?? []), diagnostic]);
  }
  return groups;
}

interface SeverityCounts {
  errors: number;
  warnings: number;
}

function countBySeverity(diagnostics: readonly Diagnostic[]): SeverityCounts {
  return {
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning).length,
  };
}
