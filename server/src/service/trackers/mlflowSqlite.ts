import { latestPoint, metricsFromPoints } from './latestMetric';
import { describeVersionRef, loggedModelIdOf, mlflowTags, runStatus } from './mlflowCommon';
import { optionalText, withoutHistory } from './runHelpers';
import {
  TrackerError,
  type MetricPoint,
  type ModelVersion,
  type ModelVersionRef,
  type ReadOptions,
  type Run,
  type RunMetric,
  type RunSummary,
  type SqliteDatabase,
  type SqlRow,
  type SqlValue,
  type TrackerIO,
  type TrackerReader,
} from './trackerTypes';

/**
 * MLflow's SQLite store (`mlflow.db`, the default backend since MLflow 3.7), read with plain
 * SELECTs. The latest value of a metric is MLflow's own `latest_metrics` row; stores from before
 * that table compute it from `metrics` by the same rule (see latestMetric.ts). `is_nan` rows are NaN.
 */
export async function openMlflowSqlite(io: TrackerIO, path: string): Promise<TrackerReader> {
  const db = await io.openSqlite(path);
  try {
    const tables = new Set(db.all("SELECT name FROM sqlite_master WHERE type = 'table'").map((row) => String(row.name)));
    if (!tables.has('runs') || !tables.has('metrics')) throw new TrackerError(`${path} is not an MLflow database (it has no runs and metrics tables)`);
    return new MlflowSqliteReader(db, path, tables);
  } catch (error) {
    db.close();
    throw error;
  }
}

class MlflowSqliteReader implements TrackerReader {
  readonly tracker = 'mlflow';

  constructor(
    private readonly db: SqliteDatabase,
    private readonly path: string,
    private readonly tables: ReadonlySet<string>,
  ) {}

  async listRuns(): Promise<RunSummary[]> {
    // Each list comes out of SQLite as one JSON text: carrying 50,000 rows out one value at a time
    // costs far more than the query. Metric values travel as text with 17 significant digits
    // (SQLite's REAL to TEXT), which read back as the same double; JSON numbers would be rounded.
    const latest = this.tables.has('latest_metrics') ? 'latest_metrics' : `(${latestFromMetricsSql})`;
    const metrics = this.jsonList(`SELECT json_group_array(json_array(run_uuid, key, CASE WHEN is_nan THEN 'nan' ELSE CAST(value AS TEXT) END)) FROM ${latest}`);
    const metricsByRun = new Map<string, Record<string, number>>();
    for (const [runId, key, value] of metrics) {
      const runMetrics = metricsByRun.get(String(runId)) ?? {};
      metricsByRun.set(String(runId), runMetrics);
      runMetrics[String(key)] = value === 'nan' ? NaN : Number(value);
    }
    const runs = this.jsonList(
      `SELECT json_group_array(json_array(r.run_uuid, r.name, r.status, r.start_time, r.end_time, e.name) ORDER BY r.start_time DESC, r.run_uuid)
      FROM ${runsWithExperiments} WHERE r.lifecycle_stage IS NOT 'deleted'`,
    );
    return runs.map(([run_uuid, name, status, start_time, end_time, experiment_name]) => ({
      ...runSummary({ run_uuid, name, status, start_time, end_time, experiment_name }),
      metrics: metricsByRun.get(String(run_uuid)) ?? {},
    }));
  }

  async readRuns(ids: readonly string[], options: ReadOptions = {}): Promise<Run[]> {
    const unique = [...new Set(ids)];
    const rows = new Map(this.db.all(`SELECT ${runColumns} FROM ${runsWithExperiments} WHERE r.run_uuid IN (${placeholders(unique)})`, unique).map((row) => [String(row.run_uuid), row]));
    const missing = unique.find((id) => !rows.has(id));
    if (missing !== undefined) throw new TrackerError(`no run ${missing} in ${this.path}`);
    const metrics = this.metricsOf(unique, options);
    const params = this.keyValues('params', unique);
    const tags = this.keyValues('tags', unique);
    return ids.map((id) => {
      const row = rows.get(id)!;
      const runTags = tags.get(id) ?? {};
      return {
        tracker: 'mlflow',
        ...runSummary(row),
        deleted: row.lifecycle_stage === 'deleted',
        metrics: metrics.get(id) ?? {},
        params: params.get(id) ?? {},
        tags: runTags,
        ...optionalText('user', row.user_id || runTags[mlflowTags.user]),
        ...optionalText('artifactUri', row.artifact_uri),
        ...optionalText('gitCommit', runTags[mlflowTags.gitCommit]),
        notices: [],
      };
    });
  }

  async resolveModelVersion(ref: ModelVersionRef): Promise<ModelVersion> {
    const version = 'version' in ref ? ref.version : this.aliasVersion(ref.name, ref.alias);
    const [row] = this.db.all('SELECT version, run_id, source, status FROM model_versions WHERE name = ? AND version = ?', [ref.name, version]);
    if (!row) throw new TrackerError(`no model version ${describeVersionRef({ name: ref.name, version })} in ${this.path}`);
    const loggedModelId = loggedModelIdOf(row.source);
    const runId = typeof row.run_id === 'string' && row.run_id !== '' ? row.run_id : loggedModelId && this.loggedModelRun(loggedModelId);
    if (!runId) throw new TrackerError(`model version ${describeVersionRef(ref)} names no run`);
    const aliases = this.tables.has('registered_model_aliases')
      ? this.db.all('SELECT alias FROM registered_model_aliases WHERE name = ? AND version = ? ORDER BY alias', [ref.name, version]).map((alias) => String(alias.alias))
      : [];
    return { name: ref.name, version, runId, aliases, ...optionalText('status', row.status), ...(loggedModelId ? { loggedModelId } : {}) };
  }

  close(): void {
    this.db.close();
  }

  /** The rows of a `SELECT json_group_array(...)`. */
  private jsonList(sql: string): SqlValue[][] {
    const [row] = this.db.all(sql);
    return JSON.parse(String(Object.values(row ?? {})[0] ?? '[]')) as SqlValue[][];
  }

  private aliasVersion(name: string, alias: string): number {
    const [row] = this.tables.has('registered_model_aliases')
      ? this.db.all('SELECT version FROM registered_model_aliases WHERE name = ? AND alias = ?', [name, alias])
      : [];
    if (!row) throw new TrackerError(`registered model "${name}" has no alias "${alias}" in ${this.path}`);
    return Number(row.version);
  }

  private loggedModelRun(modelId: string): string | undefined {
    if (!this.tables.has('logged_models')) return undefined;
    const [row] = this.db.all('SELECT source_run_id FROM logged_models WHERE model_id = ?', [modelId]);
    return typeof row?.source_run_id === 'string' && row.source_run_id !== '' ? row.source_run_id : undefined;
  }

  /** Each run's metrics: latest values (MLflow's table, or computed), with the history when asked. */
  private metricsOf(ids: readonly string[], options: ReadOptions): Map<string, Record<string, RunMetric>> {
    const fromHistory = options.history || !this.tables.has('latest_metrics');
    const byRun = new Map<string, Record<string, RunMetric>>();
    if (fromHistory) {
      const points = groupByRun(this.db.all(`SELECT run_uuid, key, value, timestamp, step, is_nan FROM metrics WHERE run_uuid IN (${placeholders(ids)})`, ids));
      for (const [id, rows] of points) byRun.set(id, metricsFromPoints(rows.map((row) => ({ key: String(row.key), ...metricPoint(row) }))));
    }
    if (this.tables.has('latest_metrics')) {
      for (const row of this.db.all(`SELECT run_uuid, key, value, timestamp, step, is_nan FROM latest_metrics WHERE run_uuid IN (${placeholders(ids)})`, ids)) {
        const metrics = byRun.get(String(row.run_uuid)) ?? {};
        byRun.set(String(row.run_uuid), metrics);
        metrics[String(row.key)] = { ...metricPoint(row), ...(metrics[String(row.key)]?.history ? { history: metrics[String(row.key)].history } : {}) };
      }
    }
    this.addLoggedModelMetrics(ids, byRun);
    return options.history ? byRun : new Map([...byRun].map(([id, metrics]) => [id, withoutHistory(metrics)]));
  }

  /** MLflow 3 logs model metrics (e.g. evaluations) to `logged_model_metrics`; those the run lacks are added. */
  private addLoggedModelMetrics(ids: readonly string[], byRun: Map<string, Record<string, RunMetric>>): void {
    if (!this.tables.has('logged_model_metrics')) return;
    const rows = this.db.all(
      `SELECT run_id, metric_name, metric_value, metric_timestamp_ms, metric_step FROM logged_model_metrics WHERE run_id IN (${placeholders(ids)})`,
      ids,
    );
    const pointsByKey = new Map<string, { runId: string; key: string; points: MetricPoint[] }>();
    for (const row of rows) {
      const id = `${String(row.run_id)}\u0000${String(row.metric_name)}`;
      const entry = pointsByKey.get(id) ?? { runId: String(row.run_id), key: String(row.metric_name), points: [] };
      pointsByKey.set(id, entry);
      entry.points.push({ value: row.metric_value === null ? NaN : Number(row.metric_value), timestamp: Number(row.metric_timestamp_ms), step: Number(row.metric_step) });
    }
    for (const { runId, key, points } of pointsByKey.values()) {
      const metrics = byRun.get(runId) ?? {};
      byRun.set(runId, metrics);
      if (!(key in metrics)) metrics[key] = latestPoint(points)!;
    }
  }

  private keyValues(table: 'params' | 'tags', ids: readonly string[]): Map<string, Record<string, string>> {
    const byRun = new Map<string, Record<string, string>>();
    for (const row of this.db.all(`SELECT run_uuid, key, value FROM ${table} WHERE run_uuid IN (${placeholders(ids)})`, ids)) {
      const values = byRun.get(String(row.run_uuid)) ?? {};
      byRun.set(String(row.run_uuid), values);
      values[String(row.key)] = row.value === null ? '' : String(row.value);
    }
    return byRun;
  }
}

const runColumns = 'r.run_uuid, r.name, r.status, r.start_time, r.end_time, r.lifecycle_stage, r.user_id, r.artifact_uri, e.name AS experiment_name';
const runsWithExperiments = 'runs r LEFT JOIN experiments e ON e.experiment_id = r.experiment_id';

/** `latest_metrics` for stores that predate it: the same order as `isLater` (NaN rows hold 0, as MLflow stores them). */
const latestFromMetricsSql = `SELECT run_uuid, key, value, is_nan FROM (
  SELECT run_uuid, key, value, is_nan,
    ROW_NUMBER() OVER (PARTITION BY run_uuid, key ORDER BY step DESC, timestamp DESC, value DESC) AS rank
  FROM metrics) WHERE rank = 1`;

function runSummary(row: SqlRow): Omit<RunSummary, 'metrics'> {
  return {
    id: String(row.run_uuid),
    ...optionalText('name', row.name),
    ...optionalText('experiment', row.experiment_name),
    status: runStatus(row.status),
    ...(typeof row.start_time === 'number' ? { startTime: row.start_time } : {}),
    ...(typeof row.end_time === 'number' ? { endTime: row.end_time } : {}),
  };
}

function metricValue(row: SqlRow): number {
  return Number(row.is_nan) === 1 ? NaN : Number(row.value);
}

function metricPoint(row: SqlRow): MetricPoint {
  return { value: metricValue(row), timestamp: Number(row.timestamp ?? 0), step: Number(row.step ?? 0) };
}

function groupByRun(rows: SqlRow[]): Map<string, SqlRow[]> {
  const byRun = new Map<string, SqlRow[]>();
  for (const row of rows) {
    const list = byRun.get(String(row.run_uuid)) ?? [];
    byRun.set(String(row.run_uuid), list);
    list.push(row);
  }
  return byRun;
}

function placeholders(values: readonly SqlValue[]): string {
  return values.map(() => '?').join(', ');
}
