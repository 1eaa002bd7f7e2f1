import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { nodeTrackerIO } from '../../../server/src/node/nodeTrackerIO';
import { openTracker } from '../../../server/src/service/trackers/openTracker';
import { selectRun } from '../../../server/src/service/trackers/selectRun';
import type { SqliteDatabase, TrackerReader } from '../../../server/src/service/trackers/trackerTypes';
import { buildMlflowDb, repoRoot, runSqlite } from '../../helpers/trackerStores';

/** The stores of examples/tracking/, which the README's fill and verify commands read (on a copy). */
const tracking = path.join(repoRoot, 'examples/tracking');
const mlflowTables = readFileSync(path.join(tracking, 'mlflow-tables.sql'), 'utf8');
const churnRuns = readFileSync(path.join(tracking, 'churn-runs.sql'), 'utf8');
const mlruns = path.join(tracking, 'mlruns');
const wandbRun = path.join(tracking, 'wandb/run-20240612_141503-7hq2xk4d');

/** The README's mlflow.db: `cat mlflow-tables.sql churn-runs.sql | sqlite3 <file>`. */
function exampleDb(file: string): string {
  runSqlite(file, `${mlflowTables}\n${churnRuns}`);
  return file;
}

/** Every file below `folder`, relative to it, with `/`. */
function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(path.join(folder, file)).isFile())
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

describe('the example stores (examples/tracking/)', () => {
  let folder: string;
  const readers: TrackerReader[] = [];
  const open = async (tracker: 'mlflow' | 'wandb', store: string) => {
    const reader = await openTracker(nodeTrackerIO, tracker, store);
    readers.push(reader);
    return reader;
  };

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-examples-'));
  });

  after(() => {
    for (const reader of readers) reader.close();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('mlflow-tables.sql with churn-runs.sql (an mlflow.db)', () => {
    it('declares the columns MLflow declares (name, type, NOT NULL), and all of them but `workspace`', async () => {
      runSqlite(path.join(folder, 'tables.db'), mlflowTables);
      const ours = await nodeTrackerIO.openSqlite(path.join(folder, 'tables.db'));
      const mlflows = await nodeTrackerIO.openSqlite(buildMlflowDb(path.join(folder, 'mlflow-schema.db'), ''));
      const columnsOf = (db: SqliteDatabase, table: string) =>
        db.all(`PRAGMA table_info(${table})`).map(({ name, type, notnull }) => `${String(name)} ${String(type)}${notnull ? ' NOT NULL' : ''}`);
      try {
        const tables = ours.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((row) => String(row.name));
        assert.equal(tables.length, 11);
        for (const table of tables) {
          const theirs = columnsOf(mlflows, table).filter((column) => !column.startsWith('workspace '));
          assert.ok(theirs.length > 0, `MLflow has no table ${table}`);
          assert.deepEqual(columnsOf(ours, table).sort(), theirs.sort(), table);
        }
      } finally {
        ours.close();
        mlflows.close();
      }
    });

    it('reads exactly as the same runs in a store built from MLflow’s own schema', async () => {
      const ours = await open('mlflow', exampleDb(path.join(folder, 'example.db')));
      const mlflows = await open('mlflow', buildMlflowDb(path.join(folder, 'example-mlflow-schema.db'), churnRuns));
      const runs = await ours.listRuns();
      assert.deepEqual(runs, await mlflows.listRuns());
      assert.deepEqual(runs.map((run) => [run.name, run.status]), [['shy-owl-7', 'FAILED'], ['bold-heron-42', 'FINISHED'], ['old-mole-3', 'FINISHED']]);
      const ids = runs.map((run) => run.id);
      assert.deepEqual(await ours.readRuns(ids, { history: true }), await mlflows.readRuns(ids, { history: true }));
      for (const alias of ['champion', 'challenger']) {
        assert.deepEqual(await ours.resolveModelVersion({ name: 'churn-model', alias }), await mlflows.resolveModelVersion({ name: 'churn-model', alias }));
      }
    });
  });

  describe('mlruns/ (an MLflow file store)', () => {
    it('holds three runs of the churn experiment, newest first, and a registry whose champion is version 2', async () => {
      const reader = await open('mlflow', mlruns);
      assert.deepEqual(
        (await reader.listRuns()).map((run) => [run.name, run.experiment, run.status]),
        [['gbm-depth8', 'churn', 'FAILED'], ['gbm-depth6', 'churn', 'FINISHED'], ['baseline-logreg', 'churn', 'FINISHED']],
      );
      const champion = await selectRun(reader, { model: { name: 'churn-model', alias: 'champion' } });
      assert.deepEqual(champion.modelVersion, { name: 'churn-model', version: 2, runId: '9d41e6b07c2a4f3e8b5d1a6c0e92f7b4', aliases: ['champion'], status: 'READY' });
      assert.equal((await selectRun(reader, { experiment: 'churn' })).run.name, 'gbm-depth6', 'the latest finished run');
      const { run } = champion;
      assert.deepEqual({ ...run.metrics.val_auc, history: undefined }, { value: 0.9252260830619385, step: 400, timestamp: 1718120757948, history: undefined });
      assert.deepEqual(run.params, { learning_rate: '0.05', max_depth: '6', n_estimators: '400', random_state: '42', subsample: '0.8' });
      assert.equal(run.gitCommit, '5c8e2f7a1b3d9e6f0a4c2b8d7e1f3a5c9b0d2e4f');
    });

    it('is written as MLflow writes one: integer statuses, `timestamp value step` lines, params and tags without a final newline', () => {
      for (const file of filesBelow(mlruns)) {
        const text = readFileSync(path.join(mlruns, file), 'utf8');
        if (file.endsWith('meta.yaml')) {
          const meta = parse(text) as Record<string, unknown>;
          if ('run_uuid' in meta) assert.ok(Number.isInteger(meta.status) && meta.source_type === 4, file);
        } else if (/\/metrics\//.test(file)) {
          assert.match(text, /^(\d{13} \d\.\d+ \d+\n)+$/, file);
        } else {
          assert.ok(/\/(params|tags|aliases)\//.test(file), `${file}: not a file MLflow writes`);
          assert.doesNotMatch(text, /\n$/, file);
        }
      }
    });
  });

  describe('wandb/ (a W&B run folder)', () => {
    it('gives the final values of the summary, the config values and the git commit', async () => {
      const reader = await open('wandb', wandbRun);
      const [run] = await reader.readRuns(['7hq2xk4d']);
      assert.deepEqual(Object.fromEntries(Object.entries(run.metrics).map(([key, metric]) => [key, metric.value])), {
        'train/loss': 0.27903418242931366,
        'val/loss': 0.29561062157154083,
        'val/accuracy': 0.8876666666666667,
        'val/auc': 0.9312047958374023,
        'val/f1': 0.6843971631205674,
        epoch: 19,
      });
      assert.deepEqual(run.params, { learning_rate: 0.001, epochs: 20, batch_size: 256, hidden_units: [128, 64], dropout: 0.2, optimizer: 'adam', weight_decay: 0.00001, class_weights: [1, 2.7], seed: 42 });
      assert.equal(run.gitCommit, '5c8e2f7a1b3d9e6f0a4c2b8d7e1f3a5c9b0d2e4f');
      assert.deepEqual(run.notices.slice(1), ['left out nested summary values (histograms, tables, run internals): val/confusion_matrix, _wandb', 'left out config values that are mappings: scheduler']);
    });
  });

  it('hold no local paths and no user names, so a fill needs no --allow-local-paths', async () => {
    for (const store of [mlruns, wandbRun]) {
      for (const file of filesBelow(store)) assert.doesNotMatch(readFileSync(path.join(store, file), 'utf8'), /file:\/|\/home\/|\/Users\/|[A-Za-z]:\\/, file);
    }
    const users = [...(await (await open('mlflow', mlruns)).readRuns(['5f0c3a9e2b7d4e18a6c1f4b2d8e07a93', '9d41e6b07c2a4f3e8b5d1a6c0e92f7b4', 'c27e8f5a1d3b46e09f7a2c5b8d1e4063'])), ...(await (await open('wandb', wandbRun)).readRuns(['7hq2xk4d']))].map((run) => run.user);
    // "unknown" is what MLflow records when it cannot tell the user.
    assert.deepEqual(users, ['unknown', 'unknown', 'unknown', undefined]);
  });
});
