/**
 * What the tracker readers share: the runs they return, the one interface every reader has, and
 * the I/O they are given. Readers never touch the file system themselves: the CLI and the
 * language server hand them a `TrackerIO` (server/src/node/nodeTrackerIO.ts), tests hand them
 * the same over temporary folders.
 */

export type TrackerKind = 'mlflow' | 'wandb';

/** A run's state, as MLflow names it (W&B states are mapped onto these). */
export type RunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED' | 'UNKNOWN';

/** A run as the run list shows it. */
export interface RunSummary {
  id: string;
  name?: string;
  experiment?: string;
  status: RunStatus;
  /** Epoch milliseconds. */
  startTime?: number;
  endTime?: number;
  /** The latest value of each metric. */
  metrics: Record<string, number>;
}

/** One logged point of a metric. */
export interface MetricPoint {
  value: number;
  step: number;
  /** Epoch milliseconds; 0 when the tracker does not say. */
  timestamp: number;
}

/** A metric's latest value (by MLflow's rule), and a summary of its history when it was read. */
export interface RunMetric extends MetricPoint {
  history?: MetricHistory;
}

export interface MetricHistory {
  count: number;
  min: number;
  max: number;
  /** The last points, by step, oldest first. */
  last: MetricPoint[];
}

/** A run with everything a card can take from it. */
export interface Run extends Omit<RunSummary, 'metrics'> {
  tracker: TrackerKind;
  /** MLflow's lifecycle stage `deleted` (the run is in the trash). */
  deleted: boolean;
  metrics: Record<string, RunMetric>;
  params: Record<string, ParamValue>;
  tags: Record<string, string>;
  /** The OS or tracker user who ran it (MLflow `user_id`, W&B `username`). */
  user?: string;
  /** Where its artifacts are (often an absolute local path). */
  artifactUri?: string;
  gitCommit?: string;
  /** What was left out while reading (nested summary values, history not kept...), one line each. */
  notices: string[];
}

/** A parameter: MLflow keeps text; W&B keeps the YAML value (numbers, booleans, lists). */
export type ParamValue = string | number | boolean | readonly (string | number | boolean)[];

/** A registered model version and the run it came from. */
export interface ModelVersion {
  name: string;
  version: number;
  runId: string;
  aliases: string[];
  status?: string;
  /** MLflow 3: the logged model (`m-...`) the version was registered from. */
  loggedModelId?: string;
}

/** Which version of a registered model: `name/3` or `name@champion`. */
export type ModelVersionRef = { name: string; version: number } | { name: string; alias: string };

export interface ReadOptions {
  /** Also summarise each metric's history (min, max, last steps), for hover. Costs a scan of the store's metrics. */
  history?: boolean;
}

/** One store of one tracker, opened. */
export interface TrackerReader {
  readonly tracker: TrackerKind;
  /** The runs of the store that are not deleted, newest first. */
  listRuns(): Promise<RunSummary[]>;
  /** The runs with these ids, in one pass over the store; a missing id is a TrackerError. */
  readRuns(ids: readonly string[], options?: ReadOptions): Promise<Run[]>;
  resolveModelVersion(ref: ModelVersionRef): Promise<ModelVersion>;
  close(): void;
}

/** A store that cannot be read as asked: the message is one line, ready for the user. */
export class TrackerError extends Error {}

export interface FileStat {
  kind: 'file' | 'directory';
  size: number;
}

/** A scalar as SQLite returns it (integers and reals as numbers). */
export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;

/** A SQLite database opened read-only. */
export interface SqliteDatabase {
  all(sql: string, params?: readonly SqlValue[]): SqlRow[];
  close(): void;
}

/** The I/O a reader is given. Paths use `/` (see `joinPath`); every method rejects with a TrackerError. */
export interface TrackerIO {
  readFile(path: string): Promise<string>;
  /** The names in a folder. */
  listDir(path: string): Promise<string[]>;
  /** Undefined when nothing is there. */
  stat(path: string): Promise<FileStat | undefined>;
  /** Opens a SQLite file read-only: nothing is written next to it, not even a lock or journal file. */
  openSqlite(path: string): Promise<SqliteDatabase>;
}

export function joinPath(...parts: string[]): string {
  return parts.map((part, index) => (index === 0 ? part.replace(/[\\/]+$/, '') : part.replace(/^[\\/]+|[\\/]+$/g, ''))).join('/');
}

export function baseName(path: string): string {
  return path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? path;
}
