import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
/** The shared corpus, beside the repository (`../shared/corpus`) or beside a folder above it (a worktree). */
export const corpus = findCorpus(path.dirname(repoRoot));

function findCorpus(folder: string): string {
  const candidate = path.join(folder, 'shared/corpus');
  if (existsSync(candidate) || path.dirname(folder) === folder) return candidate;
  return findCorpus(path.dirname(folder));
}
/** MLflow's own schema (every CREATE TABLE of a current mlflow.db); statements end at blank lines, without semicolons. */
export const mlflowDdlPath = path.join(corpus, 'mlflow-sqlite/mlflow/tests/resources/db/latest_schema.sql');
export const mltraceStore = path.join(corpus, 'mlruns/mltrace/mlruns');
export const tevatronWandb = path.join(corpus, 'wandb/tevatron/wandb');

/** MLflow's DDL as statements Debian's sqlite3 runs. */
export function mlflowDdl(): string {
  return readFileSync(mlflowDdlPath, 'utf8')
    .split(/\n\s*\n/)
    .map((statement) => statement.trim())
    .filter(Boolean)
    .map((statement) => `${statement};`)
    .join('\n');
}

/** Runs SQL with the sqlite3 command-line program on `file` (created when absent). */
export function runSqlite(file: string, sql: string): void {
  const result = spawnSync('sqlite3', [file], { input: sql, encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`sqlite3 failed: ${result.error?.message ?? result.stderr}`);
}

/** An mlflow.db built from MLflow's DDL, with `rows` (INSERT statements) in one transaction. */
export function buildMlflowDb(file: string, rows: string, options: { withoutLatestMetrics?: boolean } = {}): string {
  mkdirSync(path.dirname(file), { recursive: true });
  runSqlite(file, `BEGIN;\n${mlflowDdl()}\n${rows}\n${options.withoutLatestMetrics ? 'DROP TABLE latest_metrics;' : ''}\nCOMMIT;\n`);
  return file;
}

export const runIds = {
  /** Finished, experiment churn: the tricky metrics. */
  best: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  /** Failed, started after `best`. */
  failed: 'b1b2c3d4e5f60718293a4b5c6d7e8f90',
  /** Deleted. */
  deleted: 'c1b2c3d4e5f60718293a4b5c6d7e8f90',
  /** Finished, started before `best`. */
  older: 'd1b2c3d4e5f60718293a4b5c6d7e8f90',
};

/** One point of the `metrics` table: key, value, timestamp, step, is_nan. */
type Point = [string, number, number, number, 0 | 1];

/** The points of the runs, as MLflow logs them. */
export const points: Record<string, Point[]> = {
  [runIds.best]: [
    // A higher step wins over a later timestamp: 0.91 is the latest accuracy.
    ['accuracy', 0.8, 1700000002000, 1, 0],
    ['accuracy', 0.91, 1700000001000, 2, 0],
    ['accuracy', 0.5, 1700000003000, 0, 0],
    // Same step and timestamp: the greater value wins.
    ['loss', 0.2, 1700000005000, 3, 0],
    ['loss', 0.3, 1700000005000, 3, 0],
    ['loss', 0.9, 1700000000000, 0, 0],
    // NaN is stored as 0 with is_nan = 1.
    ['f1', 0.7, 1700000000000, 4, 0],
    ['f1', 0, 1700000000500, 5, 1],
    ['test_accuracy', 0.9234567891234567, 1700000009000, 0, 0],
  ],
  [runIds.failed]: [['accuracy', 0.4, 1700001000000, 0, 0]],
  [runIds.deleted]: [['accuracy', 0.99, 1700000500000, 0, 0]],
  [runIds.older]: [['accuracy', 0.85, 1690000000000, 0, 0], ['test_accuracy', 0.84, 1690000000000, 0, 0]],
};

/** What MLflow keeps in latest_metrics for `points`: the greatest (step, timestamp, value), NaN counting as 0. */
function latestRows(): Point[] {
  const latest = new Map<string, [string, Point]>();
  for (const [runId, list] of Object.entries(points)) {
    for (const point of list) {
      const id = `${runId} ${point[0]}`;
      const known = latest.get(id)?.[1];
      const later = !known || point[3] > known[3] || (point[3] === known[3] && (point[2] > known[2] || (point[2] === known[2] && point[1] > known[1])));
      if (later) latest.set(id, [runId, point]);
    }
  }
  return [...latest.values()].map(([runId, point]) => [`${runId}|${point[0]}`, point[1], point[2], point[3], point[4]] as Point);
}

function quote(value: string | number | null): string {
  return value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
}

function insert(table: string, columns: string[], values: (string | number | null)[][]): string {
  return values.map((row) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${row.map(quote).join(', ')});`).join('\n');
}

/** The rows of the store the tests share: runs of every status, the tricky metrics, a registry with aliases and an MLflow 3 logged model. */
export function trickyRows(): string {
  const run = (id: string, name: string, status: string, start: number, stage = 'active') =>
    [id, name, 'LOCAL', '/home/alice/churn/train.py', '', 'alice', status, start, start + 60000, '', stage, `file:///home/alice/churn/mlruns/1/${id}/artifacts`, 1];
  return [
    insert('experiments', ['experiment_id', 'name', 'artifact_location', 'lifecycle_stage'], [
      [0, 'Default', 'mlflow-artifacts:/0', 'active'],
      [1, 'churn', 'mlflow-artifacts:/1', 'active'],
    ]),
    insert(
      'runs',
      ['run_uuid', 'name', 'source_type', 'source_name', 'entry_point_name', 'user_id', 'status', 'start_time', 'end_time', 'source_version', 'lifecycle_stage', 'artifact_uri', 'experiment_id'],
      [
        run(runIds.best, 'bold-heron-42', 'FINISHED', 1700000000000),
        run(runIds.failed, 'shy-owl-7', 'FAILED', 1700001000000),
        run(runIds.deleted, 'gone-fox-1', 'FINISHED', 1700000500000, 'deleted'),
        run(runIds.older, 'old-mole-3', 'FINISHED', 1690000000000),
      ],
    ),
    insert('metrics', ['key', 'value', 'timestamp', 'step', 'is_nan', 'run_uuid'], Object.entries(points).flatMap(([runId, list]) => list.map((point) => [...point, runId]))),
    insert('latest_metrics', ['key', 'value', 'timestamp', 'step', 'is_nan', 'run_uuid'], latestRows().map(([id, ...rest]) => [id.split('|')[1], ...rest, id.split('|')[0]])),
    insert('params', ['key', 'value', 'run_uuid'], [
      ['learning_rate', '0.001', runIds.best],
      ['epochs', '20', runIds.best],
      ['optimizer', 'adam', runIds.best],
      ['learning_rate', '0.01', runIds.older],
    ]),
    insert('tags', ['key', 'value', 'run_uuid'], [
      ['mlflow.user', 'alice', runIds.best],
      ['mlflow.source.name', '/home/alice/churn/train.py', runIds.best],
      ['mlflow.source.git.commit', '3f2a9c1d5e7b8a6c4d2e0f1a3b5c7d9e1f2a4b6c', runIds.best],
      ['mlflow.runName', 'bold-heron-42', runIds.best],
    ]),
    insert('registered_models', ['name', 'creation_time'], [['churn-model', 1700000000000]]),
    insert('model_versions', ['name', 'version', 'run_id', 'source', 'status', 'current_stage'], [
      ['churn-model', 1, runIds.older, `mlflow-artifacts:/1/${runIds.older}/artifacts/model`, 'READY', 'None'],
      ['churn-model', 2, runIds.best, `mlflow-artifacts:/1/${runIds.best}/artifacts/model`, 'READY', 'None'],
      ['churn-model', 3, null, 'models:/m-0a1b2c3d4e5f', 'READY', 'None'],
    ]),
    insert('registered_model_aliases', ['name', 'alias', 'version'], [
      ['churn-model', 'champion', 2],
      ['churn-model', 'challenger', 3],
    ]),
    insert('logged_models', ['model_id', 'experiment_id', 'name', 'artifact_location', 'creation_timestamp_ms', 'last_updated_timestamp_ms', 'status', 'lifecycle_stage', 'source_run_id'], [
      ['m-0a1b2c3d4e5f', 1, 'churn-model', 'mlflow-artifacts:/1/models/m-0a1b2c3d4e5f/artifacts', 1700000060000, 1700000060000, 2, 'active', runIds.best],
    ]),
    insert('logged_model_metrics', ['model_id', 'metric_name', 'metric_timestamp_ms', 'metric_step', 'metric_value', 'experiment_id', 'run_id'], [
      ['m-0a1b2c3d4e5f', 'eval_auc', 1700000070000, 0, 0.88, 1, runIds.best],
      ['m-0a1b2c3d4e5f', 'accuracy', 1700000070000, 9, 0.1, 1, runIds.best],
    ]),
  ].join('\n');
}

/** A W&B run folder as W&B writes it: files/config.yaml, files/wandb-summary.json, files/wandb-metadata.json. */
export function writeWandbRun(wandbFolder: string, folderName: string, files: { summary?: string; config?: string; metadata?: string; log?: boolean }): string {
  const runFolder = path.join(wandbFolder, folderName);
  mkdirSync(path.join(runFolder, 'files'), { recursive: true });
  if (files.summary !== undefined) writeFileSync(path.join(runFolder, 'files/wandb-summary.json'), files.summary);
  if (files.config !== undefined) writeFileSync(path.join(runFolder, 'files/config.yaml'), files.config);
  if (files.metadata !== undefined) writeFileSync(path.join(runFolder, 'files/wandb-metadata.json'), files.metadata);
  if (files.log) writeFileSync(path.join(runFolder, `${folderName.replace(/^(offline-)?run-.*-/, 'run-')}.wandb`), Buffer.from([0x3a, 0xd9, 0x00, 0x01]));
  return runFolder;
}
