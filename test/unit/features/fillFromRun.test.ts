import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { nodeTrackerIO } from '../../../server/src/node/nodeTrackerIO';
import { createLanguageService } from '../../../server/src/service/languageService';
import type { FillInput } from '../../../server/src/service/features/fillFromRun';
import { openTracker } from '../../../server/src/service/trackers/openTracker';
import type { Run, TrackerReader } from '../../../server/src/service/trackers/trackerTypes';
import { cardDocument } from '../../helpers/cards';
import { applyTextEdits } from '../../helpers/codeActionEdits';
import { withCrlf } from '../../helpers/ruleTests';
import { buildMlflowDb, mltraceStore, runIds, tevatronWandb, trickyRows } from '../../helpers/trackerStores';

/** The card after the fill, and what the fill reported. */
function fill(text: string, input: FillInput): { text: string; changes: string[]; notices: string[]; refused?: string } {
  const outcome = createLanguageService().fillFromRun(cardDocument(text), input);
  return { text: applyTextEdits(text, outcome.edits), changes: outcome.changes, notices: outcome.notices, ...(outcome.refused ? { refused: outcome.refused } : {}) };
}

const card = `# Churn model card: numbers come from MLflow.
name: churn-model
version: '1.0'
metrics:
  - name: accuracy # on the 2023 holdout
    value: 0.5
    dataset: holdout
    confidence_interval: {lower: 0.4812345, upper: 0.5212345}
    source: {tracker: mlflow, store: mlflow.db, run: ${runIds.older}, key: accuracy}

evaluation_data:
  - name: holdout
limitations: Trained on 2023 data only
`;

describe('fill from a run', () => {
  let folder: string;
  let reader: TrackerReader;
  let best: Run;

  before(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-fill-'));
    reader = await openTracker(nodeTrackerIO, 'mlflow', buildMlflowDb(path.join(folder, 'mlflow.db'), trickyRows()));
    [best] = await reader.readRuns([runIds.best]);
  });

  after(() => {
    reader.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('updates the bound result to the new run, adds what --metrics selects with its source, and records provenance; comments and order stay', () => {
    const result = fill(card, { run: best, store: 'mlflow.db', metrics: 'test_*,f1', params: 'learning_rate', allowLocalPaths: false });
    assert.equal(
      result.text,
      `# Churn model card: numbers come from MLflow.
name: churn-model
version: '1.0'
metrics:
  - name: accuracy # on the 2023 holdout
    value: 0.91
    dataset: holdout
    confidence_interval: {lower: 0.4812345, upper: 0.5212345}
    source: {tracker: mlflow, store: mlflow.db, run: ${runIds.best}, key: accuracy}
  - name: test_accuracy
    value: 0.9234567891234567
    source: {tracker: mlflow, store: mlflow.db, run: ${runIds.best}, key: test_accuracy}

evaluation_data:
  - name: holdout
limitations: Trained on 2023 data only
training:
  hyperparameters:
    learning_rate: 0.001
provenance:
  tracker: mlflow
  store: mlflow.db
  run: ${runIds.best}
  experiment: churn
  git_commit: '3f2a9c1d5e7b8a6c4d2e0f1a3b5c7d9e1f2a4b6c'
`,
    );
    assert.deepEqual(result.changes, ['accuracy: 0.5 → 0.91', 'test_accuracy: added (0.9234567891234567)', 'training.hyperparameters: 1 parameter']);
    assert.deepEqual(result.notices, ['not added, NaN in run a1b2c3d4: f1']);
  });

  it('writes values that equal the store’s latest values exactly, in full precision', () => {
    const filled = parse(fill(card, { run: best, store: 'mlflow.db', metrics: '*', params: '' }).text) as { metrics: { source: { key: string }; value: number }[] };
    for (const result of filled.metrics) assert.ok(Object.is(result.value, best.metrics[result.source.key].value), result.source.key);
    assert.equal(filled.metrics.length, 1 + 3, 'f1 is NaN: not added');
  });

  it('rounds values and their confidence intervals with a precision', () => {
    const result = fill(card, { run: best, store: 'mlflow.db', metrics: 'test_accuracy', params: '', precision: 3 });
    assert.match(result.text, /value: 0\.91\n {4}dataset: holdout\n {4}confidence_interval: \{lower: 0\.481, upper: 0\.521\}/);
    assert.match(result.text, /- name: test_accuracy\n {4}value: 0\.923\n/);
  });

  it('keeps CRLF line endings in every line it writes', () => {
    const result = fill(withCrlf(card), { run: best, store: 'mlflow.db', metrics: 'test_*', params: 'epochs,optimizer' });
    assert.equal(result.text, withCrlf(fill(card, { run: best, store: 'mlflow.db', metrics: 'test_*', params: 'epochs,optimizer' }).text));
    assert.doesNotMatch(result.text.replace(/\r\n/g, ''), /\n/);
  });

  it('fills a new card from the real mltrace store: every metric and parameter on the first fill', async () => {
    const mltrace = await openTracker(nodeTrackerIO, 'mlflow', mltraceStore);
    const [run] = await mltrace.readRuns(['2fabde279d43455392bbc34ab02d5090']);
    const result = fill('name: toy\nlimitations: none\n', { run, store: '../mlruns', allowLocalPaths: false });
    assert.equal(
      result.text,
      `name: toy
metrics:
  - name: foo
    value: 2
    source: {tracker: mlflow, store: '../mlruns', run: '2fabde279d43455392bbc34ab02d5090', key: foo}
  - name: zoo
    value: 1
    source: {tracker: mlflow, store: '../mlruns', run: '2fabde279d43455392bbc34ab02d5090', key: zoo}
limitations: none
training:
  hyperparameters:
    param1: 1
provenance:
  tracker: mlflow
  store: '../mlruns'
  run: '2fabde279d43455392bbc34ab02d5090'
  experiment: Default
  git_commit: '${run.gitCommit}'
`,
    );
  });

  it('later fills update what is bound and add only what is selected; a bound key the run lacks is left with a notice', () => {
    const first = fill(card, { run: best, store: 'mlflow.db', metrics: 'test_accuracy', params: 'learning_rate' }).text;
    const older = { ...best, id: runIds.older, metrics: { accuracy: { value: 0.85, step: 0, timestamp: 0 } }, params: { learning_rate: '0.01', epochs: '5' } };
    const again = fill(first, { run: older, store: 'mlflow.db' });
    assert.deepEqual(again.changes, ['accuracy: 0.91 → 0.85', 'training.hyperparameters: 1 parameter']);
    assert.ok(again.notices.includes('run d1b2c3d4 has no metric test_accuracy: the test_accuracy result is left as it is'));
    assert.match(again.text, /learning_rate: 0\.01\n/);
    assert.doesNotMatch(again.text, /epochs/);
    assert.match(again.text, new RegExp(`source: \\{tracker: mlflow, store: mlflow.db, run: ${runIds.older}, key: accuracy\\}`));
  });

  it('sets the version from a registered model version, and drops provenance fields the new run lacks', () => {
    const withModel = fill(card, { run: best, store: 'mlflow.db', params: '', modelVersion: { name: 'churn-model', version: 2, runId: best.id, aliases: ['champion'] } }).text;
    assert.match(withModel, /^version: '2'$/m);
    assert.match(withModel, /registered_model: churn-model\n {2}model_version: 2\n/);
    const byRun = fill(withModel, { run: { ...best, gitCommit: undefined }, store: 'mlflow.db', params: '' }).text;
    assert.doesNotMatch(byRun, /registered_model|model_version|git_commit/);
    assert.match(byRun, /provenance:\n {2}tracker: mlflow\n {2}store: mlflow.db\n {2}run: a1b2c3d4e5f60718293a4b5c6d7e8f90\n {2}experiment: churn\n$/);
  });

  it('refuses to write local paths or the run’s user name, naming the fields, unless allowed', async () => {
    const leaky = { ...best, params: { ...best.params, data_dir: '/home/alice/churn/data', owner: 'alice' } };
    const refused = fill(card, { run: leaky, store: 'mlflow.db', metrics: 'test_*', params: 'learning_rate,data_dir,owner' });
    assert.equal(
      refused.refused,
      'The fill would write local paths or user names into the card: training.hyperparameters.data_dir (/home/alice/churn/data), training.hyperparameters.owner (user name alice). Leave them out (--params, --metrics) or pass --allow-local-paths.',
    );
    assert.equal(refused.text, card);
    assert.match(fill(card, { run: leaky, store: 'mlflow.db', params: 'data_dir', allowLocalPaths: true }).text, /data_dir: '\/home\/alice\/churn\/data'/);
    assert.equal(fill(card, { run: leaky, store: 'mlflow.db', params: 'learning_rate' }).refused, undefined);
    assert.match(fill(card, { run: best, store: '/home/alice/mlflow.db', params: '' }).refused ?? '', /source\.store \(\/home\/alice\/mlflow\.db\)/);
  });

  it('refuses the short form of metrics and broken YAML, and leaves the card as it is', () => {
    assert.equal(fill('name: x\nmetrics:\n  accuracy: 0.9\n', { run: best, store: 'mlflow.db', params: '' }).refused, '`metrics` is in the short form ({name: value}), which cannot name a source: write it as a list of results first.');
    assert.equal(fill('name: [x\n', { run: best, store: 'mlflow.db' }).refused, 'The card has YAML errors: fix them first (see the Problems view).');
  });

  it('fills from the real W&B run with the selected config values as hyperparameters', async () => {
    const wandb = await openTracker(nodeTrackerIO, 'wandb', tevatronWandb);
    const [run] = await wandb.readRuns(['6y34ms9p']);
    const everything = fill('name: retriever\n', { run, store: 'wandb' });
    assert.match(everything.refused ?? '', /^The fill would write local paths or user names into the card: training\.hyperparameters\._name_or_path \(\/home\/ubuntu\/data\/ejpark\/co_condenser_p…\), training\.hyperparameters\.output_dir /);
    const result = fill('name: retriever\n', { run, store: 'wandb', metrics: 'train/loss', params: 'learning_rate,num_train_epochs,per_device_train_batch_size' });
    assert.equal(
      result.text,
      `name: retriever
metrics:
  - name: train/loss
    value: 5.6738
    source: {tracker: wandb, store: wandb, run: '6y34ms9p', key: train/loss}
training:
  hyperparameters:
    per_device_train_batch_size: 64
    learning_rate: 0.000005
    num_train_epochs: 3
provenance:
  tracker: wandb
  store: wandb
  run: '6y34ms9p'
  git_commit: d1816cfccf41fc55859a0831b7db1e4ab5f087a6
`,
    );
  });
});
