import type { MetricHistory, MetricPoint, RunMetric } from './trackerTypes';

/** How many of the last points a history summary keeps (hover shows them). */
const lastPointCount = 5;

/**
 * MLflow's latest value of a metric: the point with the greatest (step, timestamp, value).
 * A higher step wins over a later timestamp; NaN compares as 0, as MLflow's SQL store keeps it.
 */
export function isLater(a: MetricPoint, b: MetricPoint): boolean {
  if (a.step !== b.step) return a.step > b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  return comparable(a.value) > comparable(b.value);
}

function comparable(value: number): number {
  return Number.isNaN(value) ? 0 : value;
}

/** The latest point of a history (undefined for an empty one). */
export function latestPoint(points: readonly MetricPoint[]): MetricPoint | undefined {
  let latest: MetricPoint | undefined;
  for (const point of points) if (!latest || isLater(point, latest)) latest = point;
  return latest;
}

/** A metric from its whole history: the latest point, and min, max and the last points by step. */
export function metricFromHistory(points: readonly MetricPoint[]): RunMetric | undefined {
  const latest = latestPoint(points);
  return latest && { ...latest, history: summarize(points) };
}

function summarize(points: readonly MetricPoint[]): MetricHistory {
  let min = NaN;
  let max = NaN;
  for (const { value } of points) {
    if (Number.isNaN(value)) continue;
    if (!(value >= min)) min = value;
    if (!(value <= max)) max = value;
  }
  const ordered = [...points].sort((a, b) => (isLater(a, b) ? 1 : isLater(b, a) ? -1 : 0));
  return { count: points.length, min, max, last: ordered.slice(-lastPointCount) };
}

/** Groups points by metric key, keeping each metric's latest point and its history summary. */
export function metricsFromPoints(points: Iterable<MetricPoint & { key: string }>): Record<string, RunMetric> {
  const byKey = new Map<string, MetricPoint[]>();
  for (const { key, ...point } of points) {
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(point);
  }
  const metrics: Record<string, RunMetric> = {};
  for (const [key, list] of byKey) metrics[key] = metricFromHistory(list)!;
  return metrics;
}
