import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import { fillEditsRequest, listRunsRequest, type FillOutcome, type RunList } from '../../server/src/protocol';
import { LspTestClient } from '../helpers/lspClient';
import { buildMlflowDb, runIds, trickyRows } from '../helpers/trackerStores';

const boundCard = `name: churn-model
metrics:
  - name: accuracy
    value: 0.92
    source: {tracker: mlflow, store: mlflow.db, run: ${runIds.best}, key: accuracy}
`;

describe('tracker runs over LSP: verify on open and save, hover, list runs, fill', () => {
  let folder: string;
  let uri: string;
  let client: LspTestClient;
  const codes = (code: string) => (params: { diagnostics: { code?: unknown }[] }) => params.diagnostics.some((diagnostic) => diagnostic.code === code);

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-lsp-runs-'));
    buildMlflowDb(path.join(folder, 'mlflow.db'), trickyRows());
    uri = pathToFileURL(path.join(folder, 'churn.modelcard.yaml')).href;
    writeFileSync(path.join(folder, 'churn.modelcard.yaml'), boundCard);
  });

  beforeEach(async () => {
    client = await LspTestClient.start();
  });

  afterEach(() => {
    if (client.isRunning) client.kill();
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('verifies a bound card on open (the store is there), and hovers the run and the value’s history', async () => {
    await client.open(uri, boundCard);
    const published = await client.waitForDiagnostics(uri, codes('MC061'));
    assert.deepEqual(
      published.diagnostics.filter((diagnostic) => diagnostic.code === 'MC061').map((diagnostic) => [diagnostic.message, diagnostic.range.start]),
      [['card says 0.92, run a1b2c3d4 says 0.91 (metric accuracy)', { line: 3, character: 11 }]],
    );
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 12 } });
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /^\*\*Run a1b2c3d4\*\* \(bold-heron-42\) · 2023-11-14 22:13 UTC · FINISHED\n\n`accuracy` = 0\.91 at step 2\n\nHistory: 3 points, min 0\.5, max 0\.91\n\nLast steps: 0 → 0\.5, 1 → 0\.8, 2 → 0\.91/);
  });

  it('verifies again on save, and not at all with modelcard.verify.onSave off', async () => {
    await client.open(uri, boundCard.replace('0.92', '0.91'));
    await client.waitForDiagnostics(uri, (params) => params.version === 1);
    await client.change(uri, 2, [{ text: boundCard.replace('0.92', '0.95') }]);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await client.waitForDiagnostics(uri, (params) => params.version === 2 && codes('MC061')(params));

    const quiet = await LspTestClient.start({ initializationOptions: { settings: { verify: { onSave: 'off' } } } });
    try {
      await quiet.open(uri, boundCard);
      const published = await quiet.waitForDiagnostics(uri);
      assert.equal(published.diagnostics.filter((diagnostic) => /^MC06[12]$/.test(String(diagnostic.code))).length, 0);
    } finally {
      quiet.kill();
    }
  });

  it('lists the runs of a store newest first, with key metrics as text; a bad store is an error', async () => {
    const list = await client.request<RunList>(listRunsRequest, { tracker: 'mlflow', store: path.join(folder, 'mlflow.db') });
    assert.deepEqual(list.runs.map((run) => [run.id, run.status]), [[runIds.failed, 'FAILED'], [runIds.best, 'FINISHED'], [runIds.older, 'FINISHED']]);
    assert.deepEqual(list.runs[1].metrics.sort(), [['accuracy', '0.91'], ['f1', '.nan'], ['loss', '0.3'], ['test_accuracy', '0.9234567891234567']]);
    const missing = path.join(folder, 'nope.db');
    assert.deepEqual(await client.request<RunList>(listRunsRequest, { tracker: 'mlflow', store: missing }), { runs: [], error: `${missing} does not exist` });
  });

  it('answers the fill edits of the open card at its version', async () => {
    await client.open(uri, boundCard, 4);
    const outcome = await client.request<FillOutcome>(fillEditsRequest, {
      textDocument: { uri },
      tracker: 'mlflow',
      store: path.join(folder, 'mlflow.db'),
      runId: runIds.best,
      selection: { metrics: 'loss', params: '' },
    });
    assert.equal(outcome.version, 4);
    const filled = TextDocument.applyEdits(TextDocument.create(uri, 'modelcard', 4, boundCard), outcome.edits);
    assert.match(filled, /value: 0\.91\n/);
    assert.match(filled, /- name: loss\n {4}value: 0\.3\n {4}source: \{tracker: mlflow, store: mlflow\.db,/);
    assert.deepEqual(outcome.changes, ['accuracy: 0.92 → 0.91', 'loss: added (0.3)']);
  });
});
