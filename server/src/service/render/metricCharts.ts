import type { MetricResult } from '../card/cardData';
import { isFiniteNumber, isRecord } from '../card/values';
import { isUnitIntervalMetric } from '../card/metricScale';
import { escapeHtml } from './escapeHtml';

const width = 520;
const labelWidth = 180;
const valueWidth = 56;
const barHeight = 18;
const rowGap = 10;

/** A result's cohort in words: "overall", or "age: old, gender: male". */
export function sliceLabel(slice: unknown): string {
  if (isRecord(slice)) return Object.entries(slice).map(([factor, value]) => `${factor}: ${String(value)}`).join(', ');
  return typeof slice === 'string' ? slice : 'overall';
}

/**
 * One horizontal bar chart per metric reported for two or more slices, with confidence-interval
 * whiskers, as inline SVG (no scripts, no remote content). Colours come from the theme (CSS classes).
 * Values that are not finite numbers (`.nan`, `1e400`) have no bar: the table shows them as text.
 */
export function metricCharts(results: readonly MetricResult[]): string[] {
  const byMetric = new Map<string, MetricResult[]>();
  for (const result of results) {
    if (result.form !== 'list' || !isFiniteNumber(result.value)) continue;
    byMetric.set(result.name, [...(byMetric.get(result.name) ?? []), result]);
  }
  return [...byMetric.entries()].filter(([, rows]) => rows.length >= 2).map(([metric, rows]) => barChart(metric, rows));
}

function barChart(metric: string, rows: MetricResult[]): string {
  // A loop, not Math.max(...rows): spreading 100,000 rows into one call overflows the stack.
  const highest = rows.reduce((max, row) => Math.max(max, row.value as number, row.bounds?.[1] ?? 0), -Infinity);
  const scaleMax = isUnitIntervalMetric(metric) && highest <= 1 ? 1 : niceCeiling(highest);
  const plotWidth = width - labelWidth - valueWidth;
  const x = (value: number) => labelWidth + Math.max(0, Math.min(1, value / scaleMax)) * plotWidth;
  const height = rows.length * (barHeight + rowGap) + 24;
  const bars = rows.map((row, index) => {
    const y = index * (barHeight + rowGap) + 4;
    const value = row.value as number;
    const bounds = row.bounds;
    const whisker = bounds
      ? `<g class="whisker"><line x1="${x(bounds[0])}" x2="${x(bounds[1])}" y1="${y + barHeight / 2}" y2="${y + barHeight / 2}"/>` +
        `<line x1="${x(bounds[0])}" x2="${x(bounds[0])}" y1="${y + 3}" y2="${y + barHeight - 3}"/>` +
        `<line x1="${x(bounds[1])}" x2="${x(bounds[1])}" y1="${y + 3}" y2="${y + barHeight - 3}"/></g>`
      : '';
    const label = escapeHtml(sliceLabel(row.slice));
    const interval = bounds ? ` (${bounds[0]}–${bounds[1]})` : '';
    return (
      `<g class="row"><title>${label}: ${value}${interval}</title>` +
      `<text class="label" x="${labelWidth - 8}" y="${y + barHeight - 5}" text-anchor="end">${label}</text>` +
      `<rect class="bar" x="${labelWidth}" y="${y}" width="${x(value) - labelWidth}" height="${barHeight}"/>${whisker}` +
      `<text class="value" x="${width - valueWidth + 6}" y="${y + barHeight - 5}">${value}</text></g>`
    );
  });
  const axisY = height - 16;
  const axis = `<g class="axis"><line x1="${labelWidth}" x2="${labelWidth + plotWidth}" y1="${axisY}" y2="${axisY}"/>` +
    `<text x="${labelWidth}" y="${axisY + 13}">0</text><text x="${labelWidth + plotWidth}" y="${axisY + 13}" text-anchor="end">${scaleMax}</text></g>`;
  const title = escapeHtml(metric);
  return (
    `<figure class="metric-chart" data-metric="${title}"><figcaption>${title} by slice</figcaption>` +
    `<svg role="img" aria-label="${title} by slice, with confidence intervals" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `${bars.join('')}${axis}</svg></figure>`
  );
}

function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Number((Math.ceil(value / magnitude) * magnitude).toPrecision(12));
}
