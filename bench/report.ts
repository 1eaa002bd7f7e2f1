import type { ServerMeasurement } from './measureServer';
import { percentile } from './stats';

/** One measured card size: each server's measurement, or why it failed. */
export interface SizeResults {
  lines: number;
  ours: ServerMeasurement | Error;
  peer: ServerMeasurement | Error;
}

/** A row of the table: how to read one number off a measurement, and our target at some sizes. */
interface Metric {
  name: string;
  unit: 'ms' | 'MB';
  /** undefined: the server does not offer the feature. */
  value: (measurement: ServerMeasurement) => number | undefined;
  /** Upper bounds for our server, by card size in lines. */
  targets?: Record<number, number>;
}

const p50 = (samples: number[] | undefined) => (samples ? percentile(samples, 50) : undefined);
const p95 = (samples: number[] | undefined) => (samples ? percentile(samples, 95) : undefined);

const metrics: Metric[] = [
  { name: 'open → first diagnostics', unit: 'ms', value: (m) => m.openMs },
  { name: 'edit → diagnostics p50', unit: 'ms', value: (m) => p50(m.editMs), targets: { 1000: 30, 10000: 200 } },
  { name: 'edit → diagnostics p95', unit: 'ms', value: (m) => p95(m.editMs) },
  { name: 'edit → diagnostics p50 − debounce', unit: 'ms', value: (m) => p50(m.editMs)! - m.validationDelayMs },
  { name: 'completion in mapping p50', unit: 'ms', value: (m) => p50(m.completionInMappingMs) },
  { name: 'completion in mapping p95', unit: 'ms', value: (m) => p95(m.completionInMappingMs), targets: { 1000: 10, 10000: 30 } },
  { name: 'completion top level p50', unit: 'ms', value: (m) => p50(m.completionAtTopLevelMs) },
  { name: 'completion top level p95', unit: 'ms', value: (m) => p95(m.completionAtTopLevelMs), targets: { 1000: 10, 10000: 30 } },
  { name: 'hover on a key p50', unit: 'ms', value: (m) => p50(m.hoverMs) },
  { name: 'RSS after workload', unit: 'MB', value: (m) => m.memory?.rssMb, targets: { 10000: 80 } },
  { name: 'peak RSS (VmHWM)', unit: 'MB', value: (m) => m.memory?.peakRssMb },
];

/** The results as a Markdown table: size × metric rows; ours, peer, ratio, target, met. */
export function resultTable(results: SizeResults[]): string {
  const header = ['lines', 'metric', 'ours', 'peer', 'ours/peer', 'target (ours)', 'met'];
  const rows = results.flatMap((result) => metrics.map((metric) => tableRow(result, metric)));
  return markdownTable([header, ...rows]);
}

function tableRow(result: SizeResults, metric: Metric): string[] {
  const ours = readMetric(result.ours, metric);
  const peer = readMetric(result.peer, metric);
  const target = metric.targets?.[result.lines];
  const ratio = typeof ours === 'number' && typeof peer === 'number' && peer > 0 ? `${(ours / peer).toFixed(2)}×` : '';
  const met = target === undefined ? '' : typeof ours === 'number' ? (ours <= target ? 'yes' : 'NO') : 'not measured';
  return [
    result.lines.toLocaleString('en-US'),
    `${metric.name} (${metric.unit})`,
    formatValue(ours),
    formatValue(peer),
    ratio,
    target === undefined ? '' : `≤ ${target} ${metric.unit}`,
    met,
  ];
}

/** A number, 'n/a' when the server lacks the feature, or 'failed' when its session failed. */
function readMetric(measurement: ServerMeasurement | Error, metric: Metric): number | 'n/a' | 'failed' {
  if (measurement instanceof Error) return 'failed';
  return metric.value(measurement) ?? 'n/a';
}

function formatValue(value: number | string): string {
  if (typeof value !== 'number') return value;
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function markdownTable(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(rows[0]), line(widths.map((width) => '-'.repeat(width))), ...rows.slice(1).map(line)].join('\n');
}
