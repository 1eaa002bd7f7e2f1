import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { seedSample } from '../helpers/cards';
import { LspTestClient } from '../helpers/lspClient';

const uri = 'file:///work/image-classifier.modelcard.yaml';
const codes = (diagnostics: { code?: string | number }[]) => diagnostics.map((diagnostic) => diagnostic.code);

describe('the live server over stdio', () => {
  let client: LspTestClient;

  beforeEach(async () => {
    client = await LspTestClient.start();
  });

  afterEach(() => {
    if (client.isRunning) client.kill();
  });

  it('declares incremental sync (and asks to hear of saves, to verify bound results) and runs as `node dist/server.js --stdio`', () => {
    assert.deepEqual(client.initializeResult.capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  });

  it('publishes no errors for the seed sample, then MC001 once limitations are deleted, then MC002 once metrics are', async () => {
    await client.open(uri, seedSample, 1);
    const opened = await client.waitForDiagnostics(uri, (params) => params.version === 1);
    assert.deepEqual(opened.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error), []);

    // Delete line 4, "limitations: May misclassify rare images".
    await client.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, text: '' }]);
    const withoutLimitations = await client.waitForDiagnostics(uri, (params) => params.version === 2);
    assert.ok(codes(withoutLimitations.diagnostics).includes('MC001'));
    assert.ok(!codes(withoutLimitations.diagnostics).includes('MC002'));

    // Delete lines 2-3, the metrics section.
    await client.change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 4, character: 0 } }, text: '' }]);
    const withoutMetrics = await client.waitForDiagnostics(uri, (params) => params.version === 3);
    assert.ok(codes(withoutMetrics.diagnostics).includes('MC002'));
    const mc002 = withoutMetrics.diagnostics.find((d) => d.code === 'MC002')!;
    assert.deepEqual(mc002.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
  });

  it('clears the diagnostics of a closed card and shuts down cleanly', async () => {
    await client.open(uri, 'name: x\n', 1);
    await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.close(uri);
    await client.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0);
    assert.equal(await client.shutdown(), 0);
  });
});
