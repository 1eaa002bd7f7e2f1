import type { RunMetric, RunSummary } from './trackerTypes';

/** Small helpers the readers share. */

export function latestValues(metrics: Record<string, RunMetric>): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).map(([key, metric]) => [key, metric.value]));
}

export function withoutHistory(metrics: Record<string, RunMetric>): Record<string, RunMetric> {
  return Object.fromEntries(Object.entries(metrics).map(([key, { history, ...latest }]) => [key, latest]));
}

export function newestFirst(a: RunSummary, b: RunSummary): number {
  return (b.startTime ?? 0) - (a.startTime ?? 0) || a.id.localeCompare(b.id);
}

export function optionalText<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return (typeof value === 'string' && value !== '' ? { [key]: value } : {}) as { [P in K]?: string };
}
