import { isScalar } from 'yaml';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ModelCardSettings, PreviewAudience, RenderedCard } from '../../protocol';
import { metricResults, type MetricResult } from '../card/cardData';
import { isRecord } from '../card/values';
import type { KindLayout } from '../kinds/documentKind';
import type { ParsedCard } from '../parsing/parsedCard';
import { completeness, type Completeness } from './completeness';
import { flowSvg } from './diagram/flowSvg';
import { escapeHtml } from './escapeHtml';
import { definitionList, humanize, markdownInline, valueToHtml, type ValueSource } from './html';
import { metricCharts, sliceLabel } from './metricCharts';
import { signOffBadges, signOffBadgesHtml, type SignOffBadge } from './signOffBadges';
import { sourceLines, type SourceLines } from './sourceLines';

interface RenderContext {
  card: ParsedCard;
  /** How the card's kind is laid out: its header keys and sections (the other top-level keys are its details). */
  layout: KindLayout;
  value: Record<string, unknown>;
  /** Line of each top-level key, for scroll sync and for placing findings. */
  keyLines: Map<string, number>;
  /** Lines of the values below the top level, for scroll sync. */
  lines: SourceLines;
  findingsBySection: Map<string, Diagnostic[]>;
  /** Sign-off badges by top-level section. */
  signOffs: Map<string, SignOffBadge[]>;
  graphicSource?: GraphicSource;
}

/**
 * Where a figure's image comes from: the `src` for a graphic's path (relative to the card), or
 * undefined when it cannot be shown (the preview gives a webview address, the CLI a data: URI).
 */
export type GraphicSource = (path: string) => string | undefined;

/**
 * The technical document as HTML for the preview (and the CLI's render): every section of its
 * kind with a heading and its sign-off badges, metric results as a table with a chart per sliced
 * metric, the sections the kind shows as tables (a system card's components) as tables, Markdown
 * text fields, and the card's findings beside the sections they concern. Block elements carry
 * `data-line` for scroll sync. Reviewers read governance first.
 */
export function renderCard(
  card: ParsedCard,
  diagnostics: readonly Diagnostic[],
  audience: PreviewAudience,
  settings: ModelCardSettings,
  graphicSource?: GraphicSource,
): RenderedCard {
  const value = isRecord(card.value) ? card.value : {};
  const { layout } = card.kind;
  const keyLines = topLevelKeyLines(card);
  const visible = visibleSections(layout, value, audience);
  const context: RenderContext = {
    card,
    layout,
    value,
    keyLines,
    lines: sourceLines(card),
    findingsBySection: sectionFindings(layout, diagnostics, keyLines, value, visible),
    signOffs: signOffBadges(card, settings.policy),
    graphicSource,
  };
  const score = completeness(card, settings.placeholders);
  const counts = countBySeverity(diagnostics);
  const body = [
    header(context, score, counts),
    details(context),
    ...visible.map((key) => section(context, key)),
    customFields(context),
    `<div class="code-line" data-line="${card.document.lineCount}"></div>`,
  ].join('\n');
  return {
    title: typeof value.name === 'string' ? value.name : untitled(card),
    html: body,
    status: typeof (value.governance as Record<string, unknown> | undefined)?.status === 'string' ? String((value.governance as Record<string, unknown>).status) : undefined,
    completeness: score.score,
    errors: counts.errors,
    warnings: counts.warnings,
    audience: 'technical',
  };
}

/** The card's findings by the part of the page that lists them: its visible sections and its details (see groupFindings). */
export function sectionFindings(
  layout: KindLayout,
  diagnostics: readonly Diagnostic[],
  keyLines: Map<string, number>,
  value: Record<string, unknown>,
  visible: readonly string[],
): Map<string, Diagnostic[]> {
  return groupFindings(diagnostics, keyLines, new Set([...visible, ...Object.keys(value).filter((key) => isDetail(layout, key))]));
}

/** The sections of its kind the card has, in the order this audience reads them: governance first for reviewers. */
export function visibleSections(layout: KindLayout, value: Record<string, unknown>, audience: PreviewAudience): string[] {
  const sections = layout.sections.map((section) => section.key);
  const governanceFirst = audience === 'reviewer' && sections.includes('governance');
  const order = governanceFirst ? ['governance', ...sections.filter((key) => key !== 'governance')] : sections;
  return order.filter((key) => key in value);
}

function header(context: RenderContext, score: Completeness, counts: SeverityCounts): string {
  const { value } = context;
  const status = isRecord(value.governance) && typeof value.governance.status === 'string' ? value.governance.status : 'draft';
  const version = value.version !== undefined ? ` <span class="version">v${escapeHtml(String(value.version))}</span>` : '';
  const summary = typeof value.summary === 'string' ? `<p class="summary">${escapeHtml(value.summary)}</p>` : '';
  const missing = score.missing.length > 0 ? `<p class="missing">Still to write: ${score.missing.map(escapeHtml).join(', ')}.</p>` : '';
  const findings = `<span class="counts">${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}</span>`;
  const unplaced = findingsList(context.findingsBySection.get('') ?? []);
  return (
    `<header class="code-line card-header" data-line="0"><h1>${escapeHtml(typeof value.name === 'string' ? value.name : untitled(context.card))}${version}</h1>` +
    `${summary}<p class="badges"><span class="status status-${escapeHtml(status)}">${escapeHtml(humanize(status))}</span>` +
    `<span class="completeness" title="Share of the recommended sections that are written">Completeness ${score.score}%</span>${findings}</p>` +
    `<meter min="0" max="100" value="${score.score}"></meter>${missing}${unplaced}</header>`
  );
}

/** "Untitled model card", "Untitled datasheet". */
export function untitled(card: ParsedCard): string {
  return `Untitled ${card.kind.words.document}`;
}

/** The details table ("Model details"): the top-level keys that are neither sections nor in the header. */
function details(context: RenderContext): string {
  const entries = Object.entries(context.value).filter(([key]) => isDetail(context.layout, key));
  if (entries.length === 0) return '';
  const rows = entries.map(([key, value]) => `<tr class="code-line" data-line="${context.keyLines.get(key) ?? 0}"><th>${escapeHtml(humanize(key))}</th><td>${valueToHtml(value, sourceOf(context, [key]))}</td></tr>`);
  const findings = entries.flatMap(([key]) => context.findingsBySection.get(key) ?? []);
  const title = context.layout.detailsTitle;
  return `<section id="${escapeHtml(title.toLowerCase().replace(/\s+/g, '-'))}"><h2>${escapeHtml(title)}</h2><table class="details">${rows.join('')}</table>${findingsList(findings)}</section>`;
}

/** A top-level key shown in the details table: not a section, not in the header, not a custom field. */
export function isDetail(layout: KindLayout, key: string): boolean {
  return !layout.sections.some((section) => section.key === key) && !layout.headerKeys.includes(key) && !key.startsWith('x-');
}

/** A section's heading: its title in the kind's layout, or its key in words. */
export function sectionTitle(layout: KindLayout, key: string): string {
  return layout.sections.find((section) => section.key === key)?.title ?? humanize(key);
}

/** A section the kind shows as a table, as rows and columns (the HTML and Markdown pages draw it). */
export interface RecordsTable {
  /** A row per item of a list of mappings, or per entry (its `label`) of a mapping of mappings. */
  rows: { label?: string; record: Record<string, unknown> }[];
  /** The kind's columns for the section, then the other keys the rows have (custom `x-` keys aside), each only when some row fills it. */
  columns: string[];
  /** Whether the rows are a mapping's entries, labelled by their keys (in the first column). */
  labelled: boolean;
}

/** The section `key` with `value` as a table, when its kind shows it as one and the value has a table's shape. */
export function tableOf(layout: KindLayout, key: string, value: unknown): RecordsTable | undefined {
  const kindColumns = layout.sections.find((section) => section.key === key)?.table;
  const labelled = isRecord(value);
  const entries = Array.isArray(value) ? value.map((record) => [undefined, record] as const) : labelled ? Object.entries(value).filter(([label]) => !label.startsWith('x-')) : [];
  if (!kindColumns || entries.length === 0 || !entries.every(([, record]) => isRecord(record))) return undefined;
  const rows = entries.map(([label, record]) => ({ ...(label !== undefined ? { label } : {}), record: record as Record<string, unknown> }));
  const filled = new Set(rows.flatMap(({ record }) => Object.keys(record).filter((column) => !column.startsWith('x-') && record[column] !== undefined && record[column] !== null)));
  const columns = [...new Set([...kindColumns, ...filled])].filter((column) => filled.has(column));
  return { rows, columns, labelled };
}

function section(context: RenderContext, key: string): string {
  const line = context.keyLines.get(key) ?? 0;
  const content = sectionContent(context, key);
  const findings = findingsList(context.findingsBySection.get(key) ?? []);
  const badges = signOffBadgesHtml(context.signOffs.get(key));
  return `<section id="${key}" class="code-line" data-line="${line}"><h2>${escapeHtml(sectionTitle(context.layout, key))}</h2>${badges}${content}${findings}</section>`;
}

function sectionContent(context: RenderContext, key: string): string {
  const { diagram } = context.card.kind;
  const graph = diagram?.section === key ? diagram.graph(context.card) : undefined;
  return (graph ? flowSvg(graph) : '') + sectionValue(context, key);
}

function sectionValue(context: RenderContext, key: string): string {
  if (key === 'metrics') return metricsSection(context);
  if (key === 'graphics' && Array.isArray(context.value.graphics)) return figures(context, context.value.graphics);
  const table = tableOf(context.layout, key, context.value[key]);
  return table ? recordsTable(context, key, table) : valueToHtml(context.value[key], sourceOf(context, [key]));
}

/** A section shown as a table (see `recordsTable`): its rows, in a row per item or per key. */
function recordsTable(context: RenderContext, key: string, { rows, columns, labelled }: RecordsTable): string {
  const head = [...(labelled ? ['<th></th>'] : []), ...columns.map((column) => `<th>${escapeHtml(humanize(column))}</th>`)].join('');
  const body = rows.map(({ label, record }, index) => {
    const line = context.lines.entryLine([key, label ?? index]);
    const cells = [...(label !== undefined ? [`<th>${escapeHtml(humanize(label))}</th>`] : []), ...columns.map((column) => `<td>${cellHtml(record[column])}</td>`)];
    return `<tr${line !== undefined ? ` class="code-line" data-line="${line}"` : ''}>${cells.join('')}</tr>`;
  });
  return `<table class="records"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function cellHtml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return markdownInline(value);
  if (Array.isArray(value)) return value.map(cellHtml).join(', ');
  if (isRecord(value)) return valueToHtml(value);
  return escapeHtml(String(value));
}

/** The columns of the results table; those no result fills are left out. */
const metricColumns: { heading: string; cell: (result: MetricResult) => string; always?: boolean }[] = [
  { heading: 'Metric', cell: (result) => result.name, always: true },
  { heading: 'Value', cell: (result) => withUnit(result.value, result.unit), always: true },
  { heading: '95% CI / interval', cell: (result) => (result.bounds ? `${result.bounds[0]} – ${result.bounds[1]}` : '') },
  { heading: 'Slice', cell: (result) => (result.across !== undefined ? `across ${[result.across].flat().map(String).join(', ')}` : result.form === 'list' ? sliceLabel(result.slice) : '') },
  { heading: 'Dataset', cell: (result) => (typeof result.dataset === 'string' ? result.dataset : '') },
  { heading: 'Model', cell: (result) => (typeof result.model === 'string' ? result.model : '') },
  { heading: 'Threshold', cell: (result) => (result.threshold !== undefined ? String(result.threshold) : '') },
  { heading: 'Acceptance', cell: (result) => acceptanceText(result.acceptance) },
];

/** The metric table's columns for these results: the ones some result fills, and metric and value always. */
export function metricColumnsFor(results: readonly MetricResult[]): typeof metricColumns {
  return metricColumns.filter((column) => column.always || results.some((result) => column.cell(result) !== ''));
}

function metricsSection(context: RenderContext): string {
  const results = metricResults(context.card);
  if (results.length === 0) return valueToHtml(context.value.metrics, sourceOf(context, ['metrics']));
  const columns = metricColumnsFor(results);
  const rows = results.map((result) => {
    const line = result.form === 'list' ? context.lines.entryLine(result.path) : undefined;
    const cells = columns.map((column) => `<td>${escapeHtml(column.cell(result))}</td>`).join('');
    return `<tr${line !== undefined ? ` class="code-line" data-line="${line}"` : ''}>${cells}</tr>`;
  });
  const head = columns.map((column) => `<th>${column.heading}</th>`).join('');
  return `<table class="metrics"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>${metricCharts(results).join('')}`;
}

/** `91.5 %`, `12 ms`; a fraction or a value without unit as written. */
function withUnit(value: unknown, unit: unknown): string {
  const text = value === undefined ? '' : String(value);
  if (typeof unit !== 'string' || unit === 'fraction' || text === '') return text;
  return unit === 'percent' ? `${text} %` : `${text} ${unit}`;
}

/** "passed (≥ 0.8)" or "failed (≥ 0.8)"; the criterion alone when no verdict is given. */
function acceptanceText(acceptance: unknown): string {
  if (!isRecord(acceptance) || acceptance.threshold === undefined) return '';
  const operator = typeof acceptance.operator === 'string' ? acceptance.operator : '>=';
  const criterion = `${operatorSymbols[operator] ?? operator} ${String(acceptance.threshold)}`;
  return typeof acceptance.passed === 'boolean' ? `${acceptance.passed ? 'passed' : 'failed'} (${criterion})` : criterion;
}

const operatorSymbols: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '==': '=' };

/** Figures: the image (when its source can be shown) with its name and description as caption. */
function figures(context: RenderContext, graphics: unknown[]): string {
  const items = graphics.map((graphic, index) => {
    if (!isRecord(graphic)) return '';
    const name = typeof graphic.name === 'string' ? graphic.name : '';
    const description = typeof graphic.description === 'string' ? graphic.description : '';
    const source = typeof graphic.path === 'string' ? context.graphicSource?.(graphic.path) : undefined;
    const image = source
      ? `<img src="${escapeHtml(source)}" alt="${escapeHtml(description || name)}">`
      : `<p class="graphic-path">${escapeHtml(typeof graphic.path === 'string' ? graphic.path : '')}</p>`;
    const caption = `<figcaption><strong>${escapeHtml(name)}</strong>${description ? ` ${markdownInline(description)}` : ''}</figcaption>`;
    const line = context.lines.entryLine(['graphics', index]);
    return `<figure class="graphic${line === undefined ? '"' : ` code-line" data-line="${line}"`}>${image}${caption}</figure>`;
  });
  return items.join('');
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

export function topLevelKeyLines(card: ParsedCard): Map<string, number> {
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
