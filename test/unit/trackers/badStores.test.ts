import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeTrackerIO } from '../../../server/src/node/nodeTrackerIO';
import { openTracker } from '../../../server/src/service/trackers/openTracker';
import { selectRun } from '../../../server/src/service/trackers/selectRun';
import type { TrackerKind } from '../../../server/src/service/trackers/trackerTypes';
import { buildMlflowDb, runIds, runSqlite, trickyRows, writeWandbRun } from '../../helpers/trackerStores';

/** Reads the store and one run; returns the error message (which must be one line). */
async function failure(tracker: TrackerKind, store: string, runId = 'x'): Promise<string> {
  try {
    const reader = await openTracker(nodeTrackerIO, tracker, store);
    try {
      await reader.readRuns([runId]);
    } finally {
      reader.close();
    }
  } catch (error) {
    const message = (error as Error).message;
    assert.equal(error?.constructor.name, 'TrackerError', message);
    assert.doesNotMatch(message, /\n/);
    return message;
  }
  assert.fail('no error');
}

describe('bad stores: each a one-line error', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-badstores-'));
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('a corrupt SQLite file', async () => {
    const file = path.join(folder, 'corrupt/mlflow.db');
    mkdirSync(path.dirname(file));
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4000, 0x5a)]));
    assert.equal(await failure('mlflow', file), `${file} cannot be read as a SQLite database (file is not a database)`);
  });

  it('a SQLite file that is not an MLflow store', async () => {
    const plain = path.join(folder, 'plain.db');
    runSqlite(plain, 'CREATE TABLE notes (text TEXT);');
    assert.equal(await failure('mlflow', plain), `${plain} is not an MLflow database (it has no runs and metrics tables)`);
  });

  it('a database another process is writing to (sqlite3 holding a write transaction)', async () => {
    const file = buildMlflowDb(path.join(folder, 'locked/mlflow.db'), trickyRows());
    const writer = spawn('sqlite3', [file], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      writer.stdin.write("BEGIN EXCLUSIVE;\nUPDATE runs SET name = name || '!';\nSELECT 'ready';\n");
      const [ready] = await once(writer.stdout, 'data');
      assert.equal(String(ready).trim(), 'ready');
      assert.equal(await failure('mlflow', file), `${file} is locked: another process is writing to it (mlflow.db-journal exists); try again when it is done`);
    } finally {
      writer.stdin.end('ROLLBACK;\n');
      await once(writer, 'exit');
    }
    const reader = await openTracker(nodeTrackerIO, 'mlflow', file);
    assert.equal((await reader.readRuns([runIds.best]))[0].name, 'bold-heron-42');
    reader.close();
  });

  it('a store with no runs', async () => {
    const db = buildMlflowDb(path.join(folder, 'empty/mlflow.db'), '');
    const mlruns = path.join(folder, 'empty/mlruns');
    mkdirSync(path.join(mlruns, '0'), { recursive: true });
    writeFileSync(path.join(mlruns, '0/meta.yaml'), "experiment_id: '0'\nlifecycle_stage: active\nname: Default\n");
    for (const store of [db, mlruns]) {
      const reader = await openTracker(nodeTrackerIO, 'mlflow', store);
      await assert.rejects(selectRun(reader, { experiment: 'Default' }), { message: 'the store has no runs' });
      reader.close();
    }
    mkdirSync(path.join(folder, 'nothing'));
    assert.equal(await failure('mlflow', path.join(folder, 'nothing')), `${path.join(folder, 'nothing')} holds no MLflow experiments (no <experiment>/meta.yaml)`);
    assert.equal(await failure('wandb', path.join(folder, 'nothing')), `${path.join(folder, 'nothing')} holds no W&B runs (no run-* or offline-run-* folders)`);
  });

  it('a run id that does not exist, in each kind of store', async () => {
    const db = buildMlflowDb(path.join(folder, 'ids/mlflow.db'), trickyRows());
    assert.equal(await failure('mlflow', db, 'deadbeef'), `no run deadbeef in ${db}`);
    const mlruns = path.join(folder, 'empty/mlruns');
    assert.equal(await failure('mlflow', mlruns, 'deadbeef'), `no run deadbeef in ${mlruns}`);
    const wandb = path.join(folder, 'ids/wandb');
    writeWandbRun(wandb, 'run-20240401_164609-6y34ms9p', { summary: '{}' });
    assert.equal(await failure('wandb', wandb, 'deadbeef'), `no W&B run deadbeef in ${wandb}`);
  });

  it('a metrics file with a bad line, named with its line number', async () => {
    const mlruns = path.join(folder, 'badline/mlruns');
    const run = path.join(mlruns, '0/0123456789abcdef0123456789abcdef');
    mkdirSync(path.join(run, 'metrics'), { recursive: true });
    writeFileSync(path.join(mlruns, '0/meta.yaml'), "experiment_id: '0'\nname: Default\n");
    writeFileSync(path.join(run, 'meta.yaml'), 'run_uuid: 0123456789abcdef0123456789abcdef\nstatus: 3\n');
    writeFileSync(path.join(run, 'metrics/accuracy'), '1700000000000 0.9 0\n1700000001000 0.9x1 1\n');
    const file = path.join(run, 'metrics/accuracy');
    assert.equal(await failure('mlflow', mlruns, '0123456789abcdef0123456789abcdef'), `${file} line 2: expected "timestamp value [step]", found "1700000001000 0.9x1 1"`);
  });

  it('a store path that does not exist', async () => {
    const missing = path.join(folder, 'missing.db');
    assert.equal(await failure('mlflow', missing), `${missing} does not exist`);
  });
});
