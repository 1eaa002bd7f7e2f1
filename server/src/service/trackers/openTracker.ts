import { openMlflowFileStore } from './mlflowFileStore';
import { openMlflowSqlite } from './mlflowSqlite';
import { TrackerError, type TrackerIO, type TrackerKind, type TrackerReader } from './trackerTypes';
import { openWandbStore } from './wandbRun';

/**
 * The reader for a store: an MLflow SQLite file (`mlflow.db`) or file store (`mlruns/`), or a
 * W&B `wandb/` folder or run folder.
 */
export async function openTracker(io: TrackerIO, tracker: TrackerKind, path: string): Promise<TrackerReader> {
  const found = await io.stat(path);
  if (!found) throw new TrackerError(`${path} does not exist`);
  if (tracker === 'wandb') return openWandbStore(io, path);
  return found.kind === 'file' ? openMlflowSqlite(io, path) : openMlflowFileStore(io, path);
}
