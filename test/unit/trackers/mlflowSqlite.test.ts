import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeTrackerIO } from '../../../server/src/node/nodeTrackerIO';
import { openTracker } from '../../../server/src/service/trackers/openTracker';
import { selectRun } from '../../../server/src/service/trackers/selectRun';
import type { TrackerReader } from '../../../server/src/service/trackers/trackerTypes';
import { buildMlflowDb, runIds, trickyRows } from '../../helpers/trackerStores';

function fingerprint(file: string): { hash: string; folder: string[] } {
  return { hash: createHash('sha256').update(readFileSync(file)).digest('hex'), folder: readdirSync(path.dirname(file)).sort() };
}

describe('MLflow SQLite store (mlflow.db built from MLflow’s DDL)', () => {
  let folder: string;
  let db: string;
  let reader: TrackerReader;

  before(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-mlflowdb-'));
    db = buildMlflowDb(path.join(folder, 'mlflow.db'), trickyRows());
    reader = await openTracker(nodeTrackerIO, 'mlflow', db);
  });

  after(() => {
    reader.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists the runs that are not deleted, newest first, with their latest metrics', async () => {
    const runs = await reader.listRuns();
    assert.deepEqual(
      runs.map((run) => [run.id, run.name, run.status, run.experiment]),
      [
        [runIds.failed, 'shy-owl-7', 'FAILED', 'churn'],
        [runIds.best, 'bold-heron-42', 'FINISHED', 'churn'],
        [runIds.older, 'old-mole-3', 'FINISHED', 'churn'],
      ],
    );
    assert.deepEqual(runs[1].metrics, { accuracy: 0.91, loss: 0.3, f1: NaN, test_accuracy: 0.9234567891234567 });
    assert.equal(runs[1].startTime, 1700000000000);
  });

  it('reads a run: latest values by (step, timestamp, value), NaN from is_nan, params, tags, user, commit', async () => {
    const [run] = await reader.readRuns([runIds.best]);
    assert.deepEqual(
      Object.fromEntries(Object.entries(run.metrics).map(([key, metric]) => [key, [metric.value, metric.step, metric.timestamp]])),
      {
        accuracy: [0.91, 2, 1700000001000],
        loss: [0.3, 3, 1700000005000],
        f1: [NaN, 5, 1700000000500],
        test_accuracy: [0.9234567891234567, 0, 1700000009000],
        // MLflow 3: a metric of the run's logged model that the run itself lacks.
        eval_auc: [0.88, 0, 1700000070000],
      },
    );
    assert.deepEqual(run.params, { learning_rate: '0.001', epochs: '20', optimizer: 'adam' });
    assert.equal(run.tags['mlflow.source.name'], '/home/alice/churn/train.py');
    assert.equal(run.user, 'alice');
    assert.equal(run.gitCommit, '3f2a9c1d5e7b8a6c4d2e0f1a3b5c7d9e1f2a4b6c');
    assert.equal(run.artifactUri, `file:///home/alice/churn/mlruns/1/${runIds.best}/artifacts`);
    assert.equal(run.deleted, false);
    assert.equal(run.metrics.accuracy.history, undefined);
  });

  it('summarises the history when asked: count, min, max and the last points by step', async () => {
    const [run] = await reader.readRuns([runIds.best], { history: true });
    assert.deepEqual(run.metrics.accuracy.history, {
      count: 3,
      min: 0.5,
      max: 0.91,
      last: [
        { value: 0.5, step: 0, timestamp: 1700000003000 },
        { value: 0.8, step: 1, timestamp: 1700000002000 },
        { value: 0.91, step: 2, timestamp: 1700000001000 },
      ],
    });
    assert.deepEqual([run.metrics.f1.history?.min, run.metrics.f1.history?.max], [0.7, 0.7]);
  });

  it('reads a deleted run by id, and says it is deleted', async () => {
    const [run] = await reader.readRuns([runIds.deleted]);
    assert.equal(run.deleted, true);
  });

  it('selects the latest finished run of an experiment (not the newer failed one)', async () => {
    const { run } = await selectRun(reader, { experiment: 'churn' });
    assert.equal(run.id, runIds.best);
  });

  it('resolves registered model versions by number, by alias, and through an MLflow 3 logged model', async () => {
    assert.deepEqual(await reader.resolveModelVersion({ name: 'churn-model', alias: 'champion' }), {
      name: 'churn-model',
      version: 2,
      runId: runIds.best,
      aliases: ['champion'],
      status: 'READY',
    });
    assert.equal((await reader.resolveModelVersion({ name: 'churn-model', version: 1 })).runId, runIds.older);
    assert.deepEqual(await reader.resolveModelVersion({ name: 'churn-model', alias: 'challenger' }), {
      name: 'churn-model',
      version: 3,
      runId: runIds.best,
      aliases: ['challenger'],
      status: 'READY',
      loggedModelId: 'm-0a1b2c3d4e5f',
    });
    const { run, modelVersion } = await selectRun(reader, { model: { name: 'churn-model', version: 1 } });
    assert.deepEqual([run.id, modelVersion?.version], [runIds.older, 1]);
  });

  it('says which run, model or alias is missing, in one line', async () => {
    await assert.rejects(reader.readRuns(['0000']), { message: `no run 0000 in ${db}` });
    await assert.rejects(reader.resolveModelVersion({ name: 'churn-model', alias: 'prod' }), { message: `registered model "churn-model" has no alias "prod" in ${db}` });
    await assert.rejects(reader.resolveModelVersion({ name: 'churn-model', version: 9 }), { message: `no model version churn-model/9 in ${db}` });
    await assert.rejects(selectRun(reader, { experiment: 'nope' }), { message: 'no experiment named "nope" with runs in the store' });
  });

  it('computes the latest values from metrics in a store without latest_metrics', async () => {
    const oldDb = buildMlflowDb(path.join(folder, 'old/mlflow.db'), trickyRows().replace(/^INSERT INTO latest_metrics.*$/gm, ''), { withoutLatestMetrics: true });
    const old = await openTracker(nodeTrackerIO, 'mlflow', oldDb);
    try {
      const [run] = await old.readRuns([runIds.best]);
      assert.deepEqual([run.metrics.accuracy.value, run.metrics.loss.value, run.metrics.f1.value], [0.91, 0.3, NaN]);
      const listed = (await old.listRuns()).find((summary) => summary.id === runIds.best);
      assert.deepEqual(listed?.metrics, { accuracy: 0.91, loss: 0.3, f1: NaN, test_accuracy: 0.9234567891234567 });
    } finally {
      old.close();
    }
  });

  it('writes nothing: the file and its folder are the same before and after reading', async () => {
    const before = fingerprint(db);
    const fresh = await openTracker(nodeTrackerIO, 'mlflow', db);
    await fresh.listRuns();
    await fresh.readRuns(Object.values(runIds), { history: true });
    assert.deepEqual(fingerprint(db), before, 'while open');
    fresh.close();
    assert.deepEqual(fingerprint(db), before);
    assert.deepEqual(before.folder, ['mlflow.db', 'old']);
  });
});
