import type { RunListItem, StoreParams } from '../../../server/src/protocol';

/** The files that mark a tracker store in a workspace (the globs the command searches). */
export const storeMarkers = ['**/mlflow.db', '**/mlruns/*/meta.yaml', '**/wandb/*/files/wandb-summary.json'] as const;

/**
 * The store a found marker file belongs to: `mlflow.db` itself, the `mlruns/` folder above
 * `mlruns/<experiment>/meta.yaml`, the `wandb/` folder above `wandb/<run>/files/wandb-summary.json`.
 * Paths use `/` (VS Code URI paths).
 */
export function storeOfMarker(markerPath: string): StoreParams | undefined {
  const parts = markerPath.split('/');
  const name = parts[parts.length - 1];
  if (name === 'mlflow.db') return { tracker: 'mlflow', store: markerPath };
  if (name === 'meta.yaml' && parts[parts.length - 3] === 'mlruns') return { tracker: 'mlflow', store: parts.slice(0, -2).join('/') };
  if (name === 'wandb-summary.json' && parts[parts.length - 4] === 'wandb') return { tracker: 'wandb', store: parts.slice(0, -3).join('/') };
  return undefined;
}

/** The stores of the found marker files, each once, in path order. */
export function storesOfMarkers(markerPaths: readonly string[]): StoreParams[] {
  const stores = new Map<string, StoreParams>();
  for (const marker of markerPaths) {
    const store = storeOfMarker(marker);
    if (store && !stores.has(store.store)) stores.set(store.store, store);
  }
  return [...stores.values()].sort((a, b) => a.store.localeCompare(b.store));
}

/** The tracker of a store the user chose by hand: a W&B `wandb/` or run folder, else MLflow (mlflow.db, mlruns/). */
export function trackerOfPath(path: string, isFolder: boolean): StoreParams['tracker'] {
  const name = path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  return isFolder && (name === 'wandb' || /^(offline-)?run-\d{8}_\d{6}-/.test(name)) ? 'wandb' : 'mlflow';
}

/** How many metrics a run's quick pick line shows. */
const shownMetrics = 4;

/** A run as the quick pick shows it: name (or id), status and date, and its first metrics. */
export function runPickItem(run: RunListItem): { label: string; description: string; detail: string } {
  const date = run.startTime === undefined ? undefined : new Date(run.startTime).toISOString().slice(0, 16).replace('T', ' ');
  const metrics = run.metrics.slice(0, shownMetrics).map(([key, value]) => `${key} ${value}`);
  return {
    label: run.name ?? run.id,
    description: [run.status, ...(date ? [`${date} UTC`] : []), ...(run.experiment ? [run.experiment] : []), ...(run.name ? [run.id.slice(0, 8)] : [])].join(' · '),
    detail: [...metrics, ...(run.metrics.length > shownMetrics ? [`+${run.metrics.length - shownMetrics} more`] : [])].join(' · '),
  };
}
