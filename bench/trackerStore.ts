/**
 * The store the tracker rows of the bench read: an mlflow.db from MLflow's own DDL with 10,000
 * runs and 1,000,000 metric rows (5 metrics × 20 steps per run), 10 params and 3 tags per run,
 * written by Debian's sqlite3 in one transaction (a few seconds) into a temporary folder.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { mlflowDdl, runSqlite } from '../test/helpers/trackerStores';

export const storeShape = { runs: 10_000, metricRows: 1_000_000, metricsPerRun: 5, steps: 20 } as const;

/** The id of run `index` (32 hex digits, as MLflow's). */
export function benchRunId(index: number): string {
  return index.toString(16).padStart(32, '0');
}

export function writeBenchStore(folder: string): string {
  const file = path.join(folder, 'mlflow.db');
  const { runs, steps } = storeShape;
  runSqlite(
    file,
    `PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
${mlflowDdl()}
INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage) VALUES (1, 'bench', 'mlflow-artifacts:/1', 'active');
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${runs - 1})
INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id)
SELECT printf('%032x', i), 'run-' || i, 'LOCAL', 'train.py', '', 'alice', CASE WHEN i % 50 = 0 THEN 'FAILED' ELSE 'FINISHED' END,
  1700000000000 + i * 60000, 1700000000000 + i * 60000 + 30000, '', 'active', 'mlflow-artifacts:/1/' || i, 1 FROM n;
WITH RECURSIVE s(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM s WHERE j < ${steps - 1}),
  k(key) AS (VALUES ('accuracy'), ('loss'), ('f1'), ('precision'), ('recall'))
INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan)
SELECT k.key, abs(random() % 100000) / 100000.0, r.start_time + s.j * 1000, r.run_uuid, s.j, 0 FROM runs r, s, k;
INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid)
SELECT key, value, timestamp, step, is_nan, run_uuid FROM metrics WHERE step = ${steps - 1};
WITH RECURSIVE p(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM p WHERE j < 9)
INSERT INTO params (key, value, run_uuid) SELECT 'param_' || j, j * 0.1, run_uuid FROM runs, p;
INSERT INTO tags (key, value, run_uuid) SELECT 'mlflow.runName', name, run_uuid FROM runs;
INSERT INTO tags (key, value, run_uuid) SELECT 'mlflow.source.git.commit', '0123456789abcdef0123456789abcdef01234567', run_uuid FROM runs;
COMMIT;
`,
  );
  return file;
}

/** 100 cards beside the store, each bound to another run (the worst case: 100 runs to read). */
export function writeBoundCards(folder: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const file = path.join(folder, `model-${index}.modelcard.yaml`);
    const run = benchRunId(index * 97 + 1);
    const binding = (key: string) => `    source: {tracker: mlflow, store: mlflow.db, run: '${run}', key: ${key}}\n`;
    writeFileSync(
      file,
      `name: model-${index}\nmetrics:\n  - name: accuracy\n    value: 0.5\n${binding('accuracy')}  - name: loss\n    value: 0.5\n${binding('loss')}limitations: Bench card\n`,
    );
    return file;
  });
}
