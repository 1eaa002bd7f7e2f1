import { bindingKey, type MetricSource } from '../card/metricBindings';
import { openTracker } from './openTracker';
import { TrackerError, type MetricHistory, type Run, type RunStatus, type TrackerIO } from './trackerTypes';

/** What a bound result's run says, as validation and hover need it. */
export interface BoundValue {
  value: number;
  step: number;
  run: { id: string; name?: string; status: RunStatus; startTime?: number; deleted: boolean };
  history?: MetricHistory;
}

/** The run's value for a binding, or why it could not be read (one line). */
export type BoundResult = { found: BoundValue } | { problem: string };

/**
 * The tracker values of a card's bindings, by `bindingKey`: read by the CLI or the language
 * server and handed to validation and hover, so the service itself never reads a store.
 */
export type TrackerValues = ReadonlyMap<string, BoundResult>;

/**
 * Reads the values the sources name, their stores given as paths on disk: each store once, each
 * run once (in one pass over the store). A store, run or metric that cannot be read gives a
 * problem for the bindings that name it. The result is keyed by `bindingKey` of these sources.
 */
export async function readBoundValues(io: TrackerIO, sources: readonly MetricSource[], options: { history?: boolean } = {}): Promise<Map<string, BoundResult>> {
  const results = new Map<string, BoundResult>();
  const byStore = new Map<string, MetricSource[]>();
  for (const source of sources) {
    const store = `${source.tracker}\u0000${source.store}`;
    byStore.set(store, [...(byStore.get(store) ?? []), source]);
  }
  for (const storeSources of byStore.values()) {
    const { tracker, store } = storeSources[0];
    const runs = await readStoreRuns(io, tracker, store, storeSources, options.history ?? false);
    for (const source of storeSources) results.set(bindingKey(source), boundResult(runs, source));
  }
  return results;
}

/**
 * A card's tracker values from values read for its sources resolved on disk (`resolve` makes a
 * store path as the card writes it into one on disk: relative paths are relative to the card).
 */
export function cardTrackerValues(sources: readonly MetricSource[], resolve: (store: string) => string, read: ReadonlyMap<string, BoundResult>): TrackerValues {
  const values = new Map<string, BoundResult>();
  for (const source of sources) {
    const result = read.get(bindingKey({ ...source, store: resolve(source.store) }));
    if (result) values.set(bindingKey(source), result);
  }
  return values;
}

async function readStoreRuns(io: TrackerIO, tracker: MetricSource['tracker'], path: string, sources: MetricSource[], history: boolean): Promise<Map<string, Run | TrackerError>> {
  const ids = [...new Set(sources.map((source) => source.run))];
  const runs = new Map<string, Run | TrackerError>();
  let reader;
  try {
    reader = await openTracker(io, tracker, path);
  } catch (error) {
    for (const id of ids) runs.set(id, asTrackerError(error));
    return runs;
  }
  try {
    const read = await reader.readRuns(ids, { history }).catch(() => undefined);
    if (read) {
      read.forEach((run, index) => runs.set(ids[index], run));
    } else {
      // One missing run fails the batch: read them one by one to tell which.
      for (const id of ids) runs.set(id, await reader.readRuns([id], { history }).then(([run]) => run, asTrackerError));
    }
  } finally {
    reader.close();
  }
  return runs;
}

function boundResult(runs: Map<string, Run | TrackerError>, source: MetricSource): BoundResult {
  const run = runs.get(source.run);
  if (!run || run instanceof TrackerError) return { problem: run?.message ?? `run ${source.run} could not be read` };
  const metric = run.metrics[source.key];
  if (!metric) return { problem: `run ${shortRunId(run.id)} has no metric ${source.key}` };
  return {
    found: {
      value: metric.value,
      step: metric.step,
      run: { id: run.id, ...(run.name ? { name: run.name } : {}), status: run.status, ...(run.startTime !== undefined ? { startTime: run.startTime } : {}), deleted: run.deleted },
      ...(metric.history ? { history: metric.history } : {}),
    },
  };
}

function asTrackerError(error: unknown): TrackerError {
  return error instanceof TrackerError ? error : new TrackerError(error instanceof Error ? error.message : String(error));
}

/** A run id as messages show it: MLflow's 32-hex ids cut to 8 characters, like a short git hash. */
export function shortRunId(id: string): string {
  return /^[0-9a-f]{32}$/.test(id) ? id.slice(0, 8) : id;
}
