import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { fill, type FillOptions } from '../../../server/src/cli/fill';
import { UsageError } from '../../../server/src/cli/errors';
import { lintCards } from '../../../server/src/cli/lint/runLint';
import { buildMlflowDb, mltraceStore, runIds, tevatronWandb, trickyRows } from '../../helpers/trackerStores';

const card = `# Churn model card
name: churn-model
metrics:
  - name: accuracy
    value: 0.5 # filled from MLflow
    dataset: holdout
    source: {tracker: mlflow, store: mlflow.db, run: ${runIds.older}, key: accuracy}
evaluation_data:
  - name: holdout
limitations: Trained on 2023 data only
`;

describe('modelcard fill and lint --verify (CLI modules)', () => {
  let folder: string;
  let cardFile: string;
  let db: string;
  const options = (more: Partial<FillOptions>): FillOptions => ({ card: cardFile, tracker: 'mlflow', store: db, params: '', ...more });
  const verify = (targets = [cardFile]) => lintCards(targets, { format: 'json', rule: [], verify: true, jobs: 1 });
  const findings = async (targets?: string[]) =>
    (JSON.parse((await verify(targets)).stdout) as { files: { diagnostics: { code: string; message: string; line: number }[] }[] }).files.flatMap((file) =>
      file.diagnostics.filter((diagnostic) => /^MC06/.test(diagnostic.code)).map((diagnostic) => `${diagnostic.line} ${diagnostic.code} ${diagnostic.message}`),
    );

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-fillcli-'));
    db = buildMlflowDb(path.join(folder, 'mlflow.db'), trickyRows());
  });

  beforeEach(() => {
    cardFile = path.join(folder, 'churn.modelcard.yaml');
    writeFileSync(cardFile, card);
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('fills from a run, and lint --verify is clean afterwards; one changed value gives exactly one finding', async () => {
    const output = await fill(options({ run: runIds.best, metrics: 'test_accuracy' }));
    assert.equal(output.exitCode, 0);
    assert.equal(output.stdout, `Filled ${cardFile} from mlflow run a1b2c3d4 (bold-heron-42):\n  accuracy: 0.5 → 0.91\n  test_accuracy: added (0.9234567891234567)\n`);
    const filled = readFileSync(cardFile, 'utf8');
    assert.match(filled, /^ {4}value: 0\.91 # filled from MLflow$/m);
    assert.deepEqual(await findings(), []);
    assert.equal((await verify()).exitCode, 0);
    // A rounding of the run's value states it; another value does not.
    writeFileSync(cardFile, filled.replace('value: 0.9234567891234567', 'value: 0.92'));
    assert.deepEqual(await findings(), []);
    writeFileSync(cardFile, filled.replace('value: 0.9234567891234567', 'value: 0.93'));
    assert.deepEqual(await findings(), ['9 MC061 card says 0.93, run a1b2c3d4 says 0.9234567891234567 (metric test_accuracy)']);
    assert.equal((await verify()).exitCode, 1);
  });

  it('--dry-run prints a unified diff and leaves the card as it is', async () => {
    const output = await fill(options({ run: runIds.best, dryRun: true }));
    assert.equal(readFileSync(cardFile, 'utf8'), card);
    assert.equal(
      output.stdout,
      [
        `Index: ${cardFile}`,
        '===================================================================',
        `--- ${cardFile}`,
        `+++ ${cardFile}`,
        '@@ -2,9 +2,15 @@',
        ' name: churn-model',
        ' metrics:',
        '   - name: accuracy',
        '-    value: 0.5 # filled from MLflow',
        '+    value: 0.91 # filled from MLflow',
        '     dataset: holdout',
        `-    source: {tracker: mlflow, store: mlflow.db, run: ${runIds.older}, key: accuracy}`,
        `+    source: {tracker: mlflow, store: mlflow.db, run: ${runIds.best}, key: accuracy}`,
        ' evaluation_data:',
        '   - name: holdout',
        ' limitations: Trained on 2023 data only',
        '+provenance:',
        '+  tracker: mlflow',
        '+  store: mlflow.db',
        `+  run: ${runIds.best}`,
        '+  experiment: churn',
        "+  git_commit: '3f2a9c1d5e7b8a6c4d2e0f1a3b5c7d9e1f2a4b6c'",
        '',
      ].join('\n'),
    );
    assert.equal(output.stderr, `Dry run: ${cardFile} is not changed.\n`);
  });

  it('selects the latest finished run of an experiment, or a registered model version (which fills version)', async () => {
    await fill(options({ experiment: 'churn', latest: true }));
    assert.match(readFileSync(cardFile, 'utf8'), new RegExp(`run: ${runIds.best}, key: accuracy`));
    writeFileSync(cardFile, card);
    await fill(options({ model: 'churn-model@champion' }));
    const filled = parse(readFileSync(cardFile, 'utf8')) as { version: string; provenance: Record<string, unknown> };
    assert.equal(filled.version, '2');
    assert.deepEqual([filled.provenance.registered_model, filled.provenance.model_version], ['churn-model', 2]);
    await assert.rejects(fill(options({ experiment: 'churn' })), { message: '--experiment takes the latest finished run of the experiment: add --latest' });
    await assert.rejects(fill(options({ model: 'churn-model' })), { message: '--model takes NAME@ALIAS or NAME/VERSION; got "churn-model"' });
  });

  it('fills from the real MLflow file store and the real W&B run folder, with relative store paths', async () => {
    const toy = path.join(folder, 'toy.modelcard.yaml');
    writeFileSync(toy, 'name: toy\n');
    await fill({ card: toy, tracker: 'mlflow', store: mltraceStore, run: '12fae4aea09546f782173920f7cc4887' });
    const filled = parse(readFileSync(toy, 'utf8')) as { metrics: { value: number; source: { store: string } }[] };
    assert.deepEqual(filled.metrics.map((result) => result.value), [2, 1]);
    assert.equal(path.resolve(folder, filled.metrics[0].source.store), mltraceStore);
    assert.deepEqual(await findings([toy]), []);
    const retriever = path.join(folder, 'retriever.modelcard.yaml');
    writeFileSync(retriever, 'name: retriever\n');
    const run = path.join(tevatronWandb, 'run-20240401_164609-6y34ms9p');
    await fill({ card: retriever, tracker: 'wandb', store: run, metrics: 'train/*', params: 'learning_rate' });
    assert.deepEqual((parse(readFileSync(retriever, 'utf8')) as { metrics: unknown[] }).metrics.length, 5);
    assert.deepEqual(await findings([retriever]), []);
  });

  it('refuses local paths and user names, names the fields, and leaves the card as it is', async () => {
    const folderStore = path.join(folder, 'leaky');
    mkdirSync(folderStore, { recursive: true });
    const leaky = buildMlflowDb(path.join(folderStore, 'mlflow.db'), `${trickyRows()}\nINSERT INTO params (key, value, run_uuid) VALUES ('data_dir', '/home/alice/data', '${runIds.best}');`);
    const before = statSync(cardFile).mtimeMs;
    await assert.rejects(fill(options({ store: leaky, run: runIds.best, params: '*' })), {
      message: 'The fill would write local paths or user names into the card: training.hyperparameters.data_dir (/home/alice/data). Leave them out (--params, --metrics) or pass --allow-local-paths.',
    });
    assert.equal(readFileSync(cardFile, 'utf8'), card);
    assert.equal(statSync(cardFile).mtimeMs, before);
    await fill(options({ store: leaky, run: runIds.best, params: '*', allowLocalPaths: true }));
    assert.match(readFileSync(cardFile, 'utf8'), /data_dir: '\/home\/alice\/data'/);
  });

  describe('bad stores: a one-line error, and the card untouched', () => {
    async function refusedWith(more: Partial<FillOptions>, message: string): Promise<void> {
      const before = statSync(cardFile).mtimeMs;
      await assert.rejects(fill(options(more)), (error: Error) => {
        assert.ok(error instanceof UsageError);
        assert.equal(error.message, message);
        return true;
      });
      assert.equal(readFileSync(cardFile, 'utf8'), card);
      assert.equal(statSync(cardFile).mtimeMs, before);
    }

    it('a corrupt SQLite file', async () => {
      const corrupt = path.join(folder, 'corrupt.db');
      writeFileSync(corrupt, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(2048, 7)]));
      await refusedWith({ store: corrupt, run: runIds.best }, `${corrupt} cannot be read as a SQLite database (file is not a database)`);
    });

    it('a locked database', async () => {
      const locked = buildMlflowDb(path.join(folder, 'locked/mlflow.db'), trickyRows());
      const writer = spawn('sqlite3', [locked], { stdio: ['pipe', 'pipe', 'inherit'] });
      try {
        writer.stdin.write("BEGIN EXCLUSIVE;\nDELETE FROM metrics;\nSELECT 'ready';\n");
        await once(writer.stdout, 'data');
        await refusedWith({ store: locked, run: runIds.best }, `${locked} is locked: another process is writing to it (mlflow.db-journal exists); try again when it is done`);
      } finally {
        writer.stdin.end('ROLLBACK;\n');
        await once(writer, 'exit');
      }
    });

    it('a store with no runs', async () => {
      const empty = buildMlflowDb(path.join(folder, 'empty/mlflow.db'), '');
      await refusedWith({ store: empty, experiment: 'churn', latest: true }, 'the store has no runs');
    });

    it('a run id that does not exist', async () => {
      await refusedWith({ run: 'feedface' }, `no run feedface in ${db}`);
    });

    it('a metrics file with a bad line', async () => {
      const mlruns = path.join(folder, 'badline');
      const runFolder = path.join(mlruns, '0/0123456789abcdef0123456789abcdef');
      mkdirSync(path.join(runFolder, 'metrics'), { recursive: true });
      writeFileSync(path.join(mlruns, '0/meta.yaml'), "experiment_id: '0'\nname: Default\n");
      writeFileSync(path.join(runFolder, 'meta.yaml'), 'run_uuid: 0123456789abcdef0123456789abcdef\nstatus: 3\n');
      writeFileSync(path.join(runFolder, 'metrics/accuracy'), '1700000000000 0.9 0\nnot a metric line\n');
      await refusedWith(
        { store: mlruns, run: '0123456789abcdef0123456789abcdef' },
        `${path.join(runFolder, 'metrics/accuracy')} line 2: expected "timestamp value [step]", found "not a metric line"`,
      );
    });
  });

  it('lint --verify reports a store it cannot read, on the source', async () => {
    writeFileSync(cardFile, card.replace('store: mlflow.db', 'store: missing/mlflow.db'));
    assert.deepEqual(await findings(), [`7 MC062 The value cannot be checked: ${path.join(folder, 'missing/mlflow.db')} does not exist.`]);
  });
});
