/**
 * Metric results read from Markdown tables, where the rows and columns can be read: metric ×
 * dataset (either way round), a row of metric names under a row of datasets (GPT-2's card), or
 * one result per row with a `Metric` and a `Value` column. Values on a 0–100 scale (a `%` sign,
 * or a rate such as accuracy above 1) get `unit: percent`.
 */
import { isUnitIntervalMetric } from '../../card/metricScale';
import { metricNames } from '../../vocabulary/metricNames';
import type { MarkdownTable } from './markdownDocument';

export type TableResult = Record<string, unknown> & { name: string; value: number };

/** What the table's place says about its results: the slice or variant its heading names. */
export interface TableContext {
  slice?: string | Record<string, string>;
  model?: string;
}

export interface TableReading {
  results: TableResult[];
  /** Cells or the whole table that could not be read, one line each. */
  unread: string[];
}

/** A cell that holds a result. */
interface Cell {
  metric: string;
  text: string;
  dataset?: string;
  slice?: string;
  model?: string;
  across?: string;
  acceptance?: string;
  threshold?: string;
}

const otherMetricNames = ['acc', 'em', 'wer', 'cer', 'bleu', 'rouge', 'rouge1', 'rouge2', 'rougel', 'meteor', 'chrf', 'ppl', 'perplexity', 'bpb', 'bpc', 'mae', 'mse', 'rmse', 'r2', 'loss', 'latency', 'spearman', 'pearson', 'ndcg', 'mrr', 'recall@1', 'recall@10', 'top1', 'top5'];
const knownMetrics = new Set([...metricNames.map((term) => term.id), ...otherMetricNames].map(normalizedName));

export function isMetricName(text: string): boolean {
  const name = normalizedName(text);
  return name !== '' && (knownMetrics.has(name) || isUnitIntervalMetric(name) || /(accuracy|f1|precision|recall|error rate|auc)$/i.test(text.trim()));
}

function normalizedName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9@]/g, '');
}

/** The results a table holds, or undefined when it is not a results table (no metric can be told). */
export function readResultsTable(table: MarkdownTable, context: TableContext = {}): TableReading | undefined {
  const cells = resultCells(table);
  if (cells === undefined) return undefined;
  const unread: string[] = [];
  const percentMetrics = new Set(cells.filter((cell) => onPercentScale(cell)).map((cell) => cell.metric));
  const results = cells.flatMap((cell): TableResult[] => {
    if (cell.text.trim() === '' || /^[-\u2013\u2014]$/.test(cell.text.trim())) return [];
    const parsed = parseValue(cell.text);
    if (!parsed) {
      unread.push(`"${cell.text}" (${cell.metric}${cell.dataset ? `, ${cell.dataset}` : ''}) is not a number`);
      return [];
    }
    const slice = cell.slice ?? context.slice;
    const model = cell.model ?? context.model;
    return [{
      name: cell.metric,
      value: parsed.value,
      ...(percentMetrics.has(cell.metric) ? { unit: 'percent' } : parsed.unit ? { unit: parsed.unit } : {}),
      ...(cell.dataset ? { dataset: cell.dataset } : {}),
      ...(model ? { model } : {}),
      ...(slice ? { slice } : {}),
      ...(parsed.interval ? { confidence_interval: { lower: parsed.interval[0], upper: parsed.interval[1] } } : {}),
      ...(cell.threshold && Number.isFinite(Number(cell.threshold)) ? { threshold: Number(cell.threshold) } : {}),
      ...(cell.across ? { across: cell.across.includes(',') ? cell.across.split(/\s*,\s*/) : cell.across } : {}),
      ...(cell.acceptance ? acceptanceOf(cell.acceptance) : {}),
    }];
  });
  return { results, unread };
}

/** Which cells hold which metric for which dataset, slice or model; undefined when no metric can be told. */
function resultCells(table: MarkdownTable): Cell[] | undefined {
  const header = table.header.map(withoutParentheses);
  if (header.length < 2 || table.rows.length === 0) return undefined;
  const lower = header.map((cell) => cell.toLowerCase());
  if (lower.includes('value') && (lower.includes('metric') || lower.includes('name'))) return longFormCells(table, lower);
  const metricRow = table.rows.findIndex((row) => /^metrics?$/i.test(withoutParentheses(row[0] ?? '')));
  if (metricRow >= 0) {
    const metrics = table.rows[metricRow].map(withoutParentheses);
    return table.rows.slice(metricRow + 1).flatMap((row) => row.slice(1).map((text, column) => ({ metric: metrics[column + 1], dataset: header[column + 1], text, ...labelOf(lower[0], row[0]) })));
  }
  const labels = table.rows.map((row) => withoutParentheses(row[0] ?? ''));
  const rowsAreMetrics = /^(metrics?|measures?|scores?)$/.test(lower[0]) || (!isRowLabelHeader(lower[0]) && majority(labels, isMetricName));
  if (rowsAreMetrics) {
    return table.rows.flatMap((row, rowIndex) => row.slice(1).map((text, column) => ({ metric: labels[rowIndex], text, ...(/^(values?|scores?|results?)$/i.test(header[column + 1]) ? {} : { dataset: header[column + 1] }) })));
  }
  if (!majority(header.slice(1), isMetricName)) return undefined;
  return table.rows.flatMap((row) => row.slice(1).map((text, column) => ({ metric: header[column + 1], text, ...labelOf(lower[0], row[0]) })));
}

/** One result per row: columns named metric (or name), value, dataset, slice, model, unit. */
function longFormCells(table: MarkdownTable, lower: string[]): Cell[] {
  const column = (...names: string[]) => lower.findIndex((cell) => names.includes(cell));
  const [metric, value, dataset, slice, model, unit, across, acceptance, threshold] = [
    column('metric', 'name'), column('value'), column('dataset', 'data'), column('slice'), column('model', 'variant'), column('unit'), column('across'), column('acceptance'), column('threshold'),
  ];
  const cellAt = (row: string[], index: number) => (index >= 0 && row[index] ? row[index] : undefined);
  return table.rows.map((row) => ({
    metric: row[metric] ?? '',
    text: `${row[value] ?? ''}${cellAt(row, unit) === 'percent' ? '%' : ''}`,
    ...(cellAt(row, dataset) ? { dataset: cellAt(row, dataset) } : {}),
    ...(cellAt(row, slice) && !/^overall$/i.test(cellAt(row, slice)!) ? { slice: cellAt(row, slice) } : {}),
    ...(cellAt(row, model) ? { model: cellAt(row, model) } : {}),
    ...(cellAt(row, across) ? { across: cellAt(row, across) } : {}),
    ...(cellAt(row, acceptance) ? { acceptance: cellAt(row, acceptance) } : {}),
    ...(cellAt(row, threshold) ? { threshold: cellAt(row, threshold) } : {}),
  })).filter((cell) => cell.metric !== '');
}

/** What the first cell of a row names, by the first column's heading: a dataset by default. */
function labelOf(firstHeader: string, label: string | undefined): Partial<Cell> {
  const text = withoutParentheses(label ?? '');
  if (text === '') return {};
  if (/^(slices?|groups?|cohorts?|subgroups?)$/.test(firstHeader)) return { slice: text };
  if (/^(models?|variants?|sizes?)$/.test(firstHeader)) return { model: text };
  return { dataset: text };
}

function isRowLabelHeader(text: string): boolean {
  return /^(datasets?|data|tasks?|benchmarks?|splits?|subsets?|slices?|groups?|models?|variants?|languages?|test sets?|evaluation)$/.test(text);
}

function majority(texts: readonly string[], test: (text: string) => boolean): boolean {
  const named = texts.filter((text) => text !== '');
  return named.length > 0 && named.filter(test).length * 2 > named.length;
}

function withoutParentheses(text: string): string {
  return text.trim().replace(/^\((.*)\)$/, '$1').trim();
}

const numberPattern = String.raw`[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|[-+]?\.\d+`;
const intervalPattern = String.raw`(?:\[|\()\s*(?:\d+%\s*CI:?\s*)?(${numberPattern})\s*%?\s*(?:,|\u2013|\u2014|-|to)\s*(${numberPattern})\s*%?\s*(?:\]|\))`;
const spreadPattern = String.raw`(?:\u00b1|\+\/-|\+-)\s*(?:${numberPattern})\s*%?`;
const valuePattern = new RegExp(String.raw`^(${numberPattern})\s*(%)?\s*(?:${intervalPattern}|${spreadPattern})?\s*([A-Za-z]+(?:\/[A-Za-z]+)?)?$`);

/** A number as results tables write it: `0.92`, `92.1%`, `1,234`, `0.91 [0.89, 0.93]`, `12.4% (11.0–13.8)`, `20.0 ± 1.2`, `180 ms`. */
export function parseValue(text: string): { value: number; percent: boolean; interval?: [number, number]; unit?: string } | undefined {
  const match = valuePattern.exec(text.trim().replace(/\*\*/g, ''));
  if (!match) return undefined;
  const number = (written: string) => Number(written.replace(/,/g, ''));
  const value = number(match[1]);
  if (!Number.isFinite(value)) return undefined;
  const interval: [number, number] | undefined = match[3] !== undefined ? [number(match[3]), number(match[4])] : undefined;
  return { value, percent: match[2] === '%', ...(interval ? { interval } : {}), ...(match[5] ? { unit: match[5] } : {}) };
}

/** `<= 1.5 (passed)` → {acceptance: {threshold: 1.5, operator: '<=', passed: true}}. */
function acceptanceOf(text: string): Record<string, unknown> {
  const match = /^(>=|<=|==|>|<)?\s*([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)\s*(?:\((passed|failed)\))?$/.exec(text.trim());
  if (!match) return {};
  return { acceptance: { threshold: Number(match[2]), ...(match[1] ? { operator: match[1] } : {}), ...(match[3] ? { passed: match[3] === 'passed' } : {}) } };
}

function onPercentScale(cell: Cell): boolean {
  const parsed = parseValue(cell.text);
  return parsed !== undefined && (parsed.percent || (isUnitIntervalMetric(cell.metric) && parsed.value > 1 && parsed.value <= 100));
}
