import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeTrackerIO } from '../../../server/src/node/nodeTrackerIO';
import { openTracker } from '../../../server/src/service/trackers/openTracker';
import { selectRun } from '../../../server/src/service/trackers/selectRun';
import { mltraceStore } from '../../helpers/trackerStores';

/** Writes files below `root`: path → content. */
function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

describe('MLflow file store (mlruns/)', () => {
  describe('the real store of loglabs/mltrace (MLflow 1.x)', () => {
    it('lists its 52 runs newest first, all FINISHED, with the latest metric values', async () => {
      const reader = await openTracker(nodeTrackerIO, 'mlflow', mltraceStore);
      const runs = await reader.listRuns();
      assert.equal(runs.length, 52);
      assert.deepEqual(runs[0], { id: '942806273db14de4aca645199ca294ed', experiment: 'Default', status: 'FINISHED', startTime: 1643245834892, endTime: runs[0].endTime, metrics: { foo: 2, zoo: 1 } });
      assert.ok(runs.every((run) => run.status === 'FINISHED'));
      assert.equal(runs.filter((run) => 'foo' in run.metrics).length, 23);
    });

    it('reads a run as the files say: the last of equal (step, timestamp) points by value, params and tags as text', async () => {
      const reader = await openTracker(nodeTrackerIO, 'mlflow', mltraceStore);
      // metrics/foo: "1642633082447 1 0", "1642633082448 1 0", "1642633082448 2 0".
      const [run] = await reader.readRuns(['2fabde279d43455392bbc34ab02d5090'], { history: true });
      assert.deepEqual({ ...run.metrics.foo, history: undefined }, { value: 2, step: 0, timestamp: 1642633082448, history: undefined });
      assert.deepEqual(run.metrics.foo.history, {
        count: 3,
        min: 1,
        max: 2,
        last: [
          { timestamp: 1642633082447, value: 1, step: 0 },
          { timestamp: 1642633082448, value: 1, step: 0 },
          { timestamp: 1642633082448, value: 2, step: 0 },
        ],
      });
      assert.deepEqual(run.params, { param1: '1' });
      assert.equal(run.user, 'boyuan');
      assert.equal(run.tags['mlflow.source.name'], 'test_mlflow.py');
      assert.match(run.gitCommit ?? '', /^[0-9a-f]{40}$/);
      assert.match(run.artifactUri ?? '', /^file:\/\/\/home\/boyuan\//);
    });
  });

  describe('a store written as MLflow writes it', () => {
    let root: string;
    const best = '0123456789abcdef0123456789abcdef';
    const failed = 'fedcba9876543210fedcba9876543210';
    const trashed = 'aaaabbbbccccddddeeeeffff00001111';
    const runMeta = (id: string, status: number, start: number, stage = 'active') =>
      `artifact_uri: file:///home/alice/mlruns/1/${id}/artifacts\nend_time: ${start + 1000}\nexperiment_id: '1'\nlifecycle_stage: ${stage}\nrun_id: ${id}\nrun_name: run-${status}\nrun_uuid: ${id}\nsource_type: 4\nstart_time: ${start}\nstatus: ${status}\ntags: []\nuser_id: alice\n`;

    before(() => {
      root = mkdtempSync(path.join(os.tmpdir(), 'modelcard-mlruns-'));
      writeFiles(root, {
        '1/meta.yaml': "artifact_location: file:///home/alice/mlruns/1\nexperiment_id: '1'\nlifecycle_stage: active\nname: churn\n",
        [`1/${best}/meta.yaml`]: runMeta(best, 3, 1700000000000),
        // A higher step wins over a later timestamp; nan and inf as Python writes them; keys with / are folders.
        [`1/${best}/metrics/accuracy`]: '1700000002000 0.8 1\n1700000001000 0.91 2\n1700000003000 0.5 0\n',
        [`1/${best}/metrics/eval/f1`]: '1700000000000 0.7 4\n1700000000500 nan 5\n',
        [`1/${best}/metrics/overflow`]: '1700000000000 inf 0\n',
        [`1/${best}/metrics/old_format`]: '1700000000000 0.25\n',
        [`1/${best}/params/learning_rate`]: '0.001',
        [`1/${best}/tags/mlflow.source.git.commit`]: '3f2a9c1d5e7b8a6c4d2e0f1a3b5c7d9e1f2a4b6c',
        [`1/${failed}/meta.yaml`]: runMeta(failed, 4, 1700001000000),
        [`1/${trashed}/meta.yaml`]: runMeta(trashed, 3, 1700002000000, 'deleted'),
        '1/tags/mlflow.note.content': 'not a run',
        'models/churn-model/meta.yaml': 'name: churn-model\n',
        'models/churn-model/version-1/meta.yaml': `name: churn-model\nrun_id: ${failed}\nsource: file:///home/alice/mlruns/1/${failed}/artifacts/model\nstatus: READY\nversion: 1\n`,
        'models/churn-model/version-2/meta.yaml': `name: churn-model\nrun_id: ${best}\nstatus: READY\nversion: 2\n`,
        'models/churn-model/version-3/meta.yaml': "name: churn-model\nrun_id: ''\nsource: models:/m-77aa\nstatus: READY\nversion: 3\n",
        '1/models/m-77aa/meta.yaml': `model_id: m-77aa\nsource_run_id: ${best}\n`,
        'models/churn-model/aliases/champion': '2',
        'models/churn-model/aliases/challenger': '3',
      });
    });

    after(() => rmSync(root, { recursive: true, force: true }));

    it('reads the latest values by MLflow’s rule, nested keys, nan, inf and two-field lines', async () => {
      const reader = await openTracker(nodeTrackerIO, 'mlflow', root);
      const [run] = await reader.readRuns([best]);
      assert.deepEqual(
        Object.fromEntries(Object.entries(run.metrics).map(([key, metric]) => [key, [metric.value, metric.step]])),
        { accuracy: [0.91, 2], 'eval/f1': [NaN, 5], overflow: [Infinity, 0], old_format: [0.25, 0] },
      );
      assert.equal(run.name, 'run-3');
      assert.equal(run.gitCommit, '3f2a9c1d5e7b8a6c4d2e0f1a3b5c7d9e1f2a4b6c');
    });

    it('leaves deleted runs and reserved folders out of the list; the latest finished run skips the failed one', async () => {
      const reader = await openTracker(nodeTrackerIO, 'mlflow', root);
      assert.deepEqual((await reader.listRuns()).map((run) => [run.id, run.status]), [[failed, 'FAILED'], [best, 'FINISHED']]);
      assert.equal((await selectRun(reader, { experiment: 'churn' })).run.id, best);
      assert.equal((await reader.readRuns([trashed]))[0].deleted, true);
    });

    it('resolves registry versions by number and alias (aliases/ files), and MLflow 3 logged models', async () => {
      const reader = await openTracker(nodeTrackerIO, 'mlflow', root);
      assert.deepEqual(await reader.resolveModelVersion({ name: 'churn-model', alias: 'champion' }), { name: 'churn-model', version: 2, runId: best, aliases: ['champion'], status: 'READY' });
      assert.equal((await reader.resolveModelVersion({ name: 'churn-model', version: 1 })).runId, failed);
      assert.deepEqual(await reader.resolveModelVersion({ name: 'churn-model', alias: 'challenger' }), {
        name: 'churn-model',
        version: 3,
        runId: best,
        aliases: ['challenger'],
        status: 'READY',
        loggedModelId: 'm-77aa',
      });
      await assert.rejects(reader.resolveModelVersion({ name: 'churn-model', alias: 'prod' }), { message: 'registered model "churn-model" has no alias "prod"' });
      await assert.rejects(reader.resolveModelVersion({ name: 'other', version: 1 }), { message: `no registered model "other" in ${root}` });
    });
  });
});
