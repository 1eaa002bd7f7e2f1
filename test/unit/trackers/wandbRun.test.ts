import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeTrackerIO } from '../../../server/src/node/nodeTrackerIO';
import { openTracker } from '../../../server/src/service/trackers/openTracker';
import { tevatronWandb, writeWandbRun } from '../../helpers/trackerStores';

/** A summary as W&B 0.17+ writes it: bare NaN and Infinity, a histogram, a table and `_wandb`. */
const summary = `{"eval/accuracy": 0.9123456789012345, "eval/loss": NaN, "grad_max": Infinity, "grad_min": -Infinity, "epoch": 3, "note": "NaN in a string stays", "weights": {"_type": "histogram", "values": [1, 2], "bins": [0, 1, 2]}, "samples": {"_type": "table-file", "path": "media/table.json"}, "_step": 1200, "_runtime": 3600.5, "_timestamp": 1711961308.4071743, "_wandb": {"runtime": 3601}}`;
const config = `wandb_version: 1

_wandb:
  desc: null
  value:
    python_version: 3.11.7
    cli_version: 0.17.0
learning_rate:
  desc: null
  value: 5.0e-06
epochs:
  desc: null
  value: 3
optimizer:
  desc: null
  value: adamw
layers:
  desc: null
  value:
  - 128
  - 64
id2label:
  desc: null
  value:
    '0': negative
    '1': positive
warmup:
  desc: null
  value: null
`;
const metadata = JSON.stringify({
  os: 'Linux',
  startedAt: '2024-04-01T07:46:09.809658',
  state: 'finished',
  program: '/home/ejpark/train.py',
  git: { remote: 'https://github.com/example/repo.git', commit: 'd1816cfccf41fc55859a0831b7db1e4ab5f087a6' },
  username: 'ejpark',
  host: 'gpu-1',
});

describe('Weights & Biases run folders', () => {
  let wandb: string;

  before(() => {
    wandb = mkdtempSync(path.join(os.tmpdir(), 'modelcard-wandb-'));
    writeWandbRun(wandb, 'run-20240401_164609-6y34ms9p', { summary, config, metadata });
    writeWandbRun(wandb, 'offline-run-20240402_101010-k2j3h4g5', { log: true });
    writeWandbRun(wandb, 'latest-run', { summary: '{}' });
  });

  after(() => rmSync(wandb, { recursive: true, force: true }));

  it('reads the summary’s numbers (NaN and ±Infinity included), skipping nested values and W&B’s own keys with a notice', async () => {
    const reader = await openTracker(nodeTrackerIO, 'wandb', wandb);
    const [run] = await reader.readRuns(['6y34ms9p']);
    assert.deepEqual(
      Object.fromEntries(Object.entries(run.metrics).map(([key, metric]) => [key, [metric.value, metric.step, metric.timestamp]])),
      {
        'eval/accuracy': [0.9123456789012345, 1200, 1711961308407],
        'eval/loss': [NaN, 1200, 1711961308407],
        grad_max: [Infinity, 1200, 1711961308407],
        grad_min: [-Infinity, 1200, 1711961308407],
        epoch: [3, 1200, 1711961308407],
      },
    );
    assert.deepEqual(run.notices, [
      'W&B keeps the history of a metric only in the .wandb log: the final values are read',
      'left out nested summary values (histograms, tables, run internals): weights, samples, _wandb',
      'left out config values that are mappings: id2label',
    ]);
  });

  it('reads config.yaml values (not desc), without _wandb, and metadata: commit, user, start, state', async () => {
    const reader = await openTracker(nodeTrackerIO, 'wandb', wandb);
    const [run] = await reader.readRuns(['6y34ms9p']);
    assert.deepEqual(run.params, { learning_rate: 5e-6, epochs: 3, optimizer: 'adamw', layers: [128, 64] });
    assert.equal(run.gitCommit, 'd1816cfccf41fc55859a0831b7db1e4ab5f087a6');
    assert.equal(run.user, 'ejpark');
    assert.equal(run.status, 'FINISHED');
    assert.equal(run.startTime, Date.UTC(2024, 3, 1, 7, 46, 9, 809));
    assert.equal(run.tags['wandb.program'], '/home/ejpark/train.py');
  });

  it('takes a single run folder as the store too', async () => {
    const reader = await openTracker(nodeTrackerIO, 'wandb', path.join(wandb, 'run-20240401_164609-6y34ms9p'));
    assert.deepEqual((await reader.listRuns()).map((run) => run.id), ['6y34ms9p']);
  });

  it('says an offline run with only its .wandb log must be synced first', async () => {
    const reader = await openTracker(nodeTrackerIO, 'wandb', wandb);
    const folder = path.join(wandb, 'offline-run-20240402_101010-k2j3h4g5');
    await assert.rejects(reader.readRuns(['k2j3h4g5']), { message: `W&B run k2j3h4g5 has only its binary log (run-k2j3h4g5.wandb): sync it first (wandb sync ${folder}), then read it again` });
  });

  it('reads the real run of 3jp4rk/tevatron (an interrupted Hugging Face Trainer run)', async () => {
    const reader = await openTracker(nodeTrackerIO, 'wandb', tevatronWandb);
    const [run] = await reader.readRuns(['6y34ms9p']);
    assert.deepEqual(Object.fromEntries(Object.entries(run.metrics).map(([key, metric]) => [key, metric.value])), {
      'train/loss': 5.6738,
      'train/grad_norm': 2.1462478637695312,
      'train/learning_rate': 1.068885895709063e-6,
      'train/epoch': 0.06,
      'train/global_step': 1111,
    });
    assert.equal(run.metrics['train/loss'].step, 1110);
    assert.equal(run.params.learning_rate, 5e-6);
    assert.equal(run.params.output_dir, '/home/ubuntu/data/ejpark/retriever_model_s1');
    assert.equal(run.gitCommit, 'd1816cfccf41fc55859a0831b7db1e4ab5f087a6');
    assert.equal(run.status, 'RUNNING');
    assert.equal(run.user, 'ubuntu');
  });
});
