import { TimeoutError } from './lspSession';
import type { FirstDiagnostics, ServerMeasurement } from './measureServer';
import { percentile } from './stats';

/** One measured card: each server's measurement, or why it failed. */
export interface SizeResults<M = ServerMeasurement> {
  /** The card's shape (bench/cardShapes.ts), or what the card is. */
  card: string;
  lines: number;
  ours: M | Error;
  peer: M | Error;
}

/** A row of the table: how to read one number off a measurement, and our target. */
interface Metric<M> {
  name: string;
  unit: 'ms' | 'MB';
  /** undefined: the server does not offer the feature. */
  value: (measurement: M) => number | undefined;
  /** Upper bounds for our server: by card size in lines, or one for every size. */
  targets?: Record<number, number> | number;
}

const p50 = (samples: number[] | undefined) => (samples ? percentile(samples, 50) : undefined);
const p95 = (samples: number[] | undefined) => (samples ? percentile(samples, 95) : undefined);

// The targets of issue 12, on cards of every shape.
const editTargets = { 1000: 20, 10000: 60 };
const completionTargets = { 1000: 10, 10000: 10 };
const memoryTargets = { 10000: 90 };

const openMetric: Metric<ServerMeasurement> = { name: 'open → first diagnostics', unit: 'ms', value: (m) => m.openMs };
const editMetric: Metric<ServerMeasurement> = { name: 'edit → diagnostics p50', unit: 'ms', value: (m) => p50(m.editMs), targets: editTargets };
const completionInMappingMetric: Metric<ServerMeasurement> = {
  name: 'completion in mapping p95',
  unit: 'ms',
  value: (m) => p95(m.completionInMappingMs),
  targets: completionTargets,
};
const completionAtTopLevelMetric: Metric<ServerMeasurement> = {
  name: 'completion top level p95',
  unit: 'ms',
  value: (m) => p95(m.completionAtTopLevelMs),
  targets: completionTargets,
};
const memoryMetric: Metric<ServerMeasurement> = { name: 'RSS after workload', unit: 'MB', value: (m) => m.memory?.rssMb, targets: memoryTargets };

const allMetrics: Metric<ServerMeasurement>[] = [
  openMetric,
  editMetric,
  { name: 'edit → diagnostics p95', unit: 'ms', value: (m) => p95(m.editMs) },
  { name: 'edit → diagnostics p50 − debounce', unit: 'ms', value: (m) => p50(m.editMs)! - m.validationDelayMs },
  { name: 'completion in mapping p50', unit: 'ms', value: (m) => p50(m.completionInMappingMs) },
  completionInMappingMetric,
  { name: 'completion top level p50', unit: 'ms', value: (m) => p50(m.completionAtTopLevelMs) },
  completionAtTopLevelMetric,
  { name: 'hover on a key p50', unit: 'ms', value: (m) => p50(m.hoverMs) },
  memoryMetric,
  { name: 'peak RSS (VmHWM)', unit: 'MB', value: (m) => m.memory?.peakRssMb },
];

const shapeMetrics = [openMetric, editMetric, completionInMappingMetric, completionAtTopLevelMetric, memoryMetric];

const firstDiagnosticsMetrics: Metric<FirstDiagnostics>[] = [
  { name: 'open → first diagnostics', unit: 'ms', value: (m) => m.openMs, targets: 1500 },
  { name: 'RSS after first diagnostics', unit: 'MB', value: (m) => m.memory?.rssMb },
];

/** Every metric, card × size × metric rows, as a Markdown table: ours, peer, ratio, target, met. */
export function resultTable(results: SizeResults[]): string {
  return table(results, allMetrics);
}

/** The metrics that have targets (and open → first diagnostics), for cards of many shapes. */
export function shapeTable(results: SizeResults[]): string {
  return table(results, shapeMetrics);
}

/** Open → first diagnostics of a card given once (the 5 MB card). */
export function firstDiagnosticsTable(results: SizeResults<FirstDiagnostics>[]): string {
  return table(results, firstDiagnosticsMetrics);
}

function table<M>(results: SizeResults<M>[], metrics: Metric<M>[]): string {
  const header = ['card', 'lines', 'metric', 'ours', 'peer', 'ours/peer', 'target (ours)', 'met'];
  const rows = results.flatMap((result) => metrics.map((metric) => tableRow(result, metric)));
  return markdownTable([header, ...rows]);
}

function tableRow<M>(result: SizeResults<M>, metric: Metric<M>): string[] {
  const ours = readMetric(result.ours, metric);
  const peer = readMetric(result.peer, metric);
  const target = typeof metric.targets === 'number' ? metric.targets : metric.targets?.[result.lines];
  const ratio = typeof ours === 'number' && typeof peer === 'number' && peer > 0 ? `${(ours / peer).toFixed(2)}×` : '';
  const met = target === undefined ? '' : typeof ours === 'number' ? (ours <= target ? 'yes' : 'NO') : 'not measured';
  return [
    result.card,
    result.lines.toLocaleString('en-US'),
    `${metric.name} (${metric.unit})`,
    formatValue(ours),
    formatValue(peer),
    ratio,
    target === undefined ? '' : `≤ ${target} ${metric.unit}`,
    met,
  ];
}

/** A number; 'n/a' when the server lacks the feature; 'timed out after N s' or 'failed' when its session failed. */
function readMetric<M>(measurement: M | Error, metric: Metric<M>): number | string {
  if (measurement instanceof TimeoutError) return `timed out after ${measurement.timeoutMs / 1000} s`;
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
