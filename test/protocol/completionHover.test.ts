import assert from 'node:assert/strict';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { seedSample } from '../helpers/cards';
import { LspTestClient } from '../helpers/lspClient';

const uri = 'file:///work/image-classifier.modelcard.yaml';

describe('completion and hover on the live server', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start();
    await client.open(uri, seedSample, 1);
    await client.waitForDiagnostics(uri, (params) => params.version === 1);
  });

  after(() => client.kill());

  it('advertises completion and hover', () => {
    assert.ok(client.initializeResult.capabilities.completionProvider);
    assert.equal(client.initializeResult.capabilities.hoverProvider, true);
  });

  it('completes the missing sections at the top level of the seed sample', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 0 } });
    const labels = list.items.map((item) => item.label);
    for (const section of ['intended_use', 'factors', 'evaluation_data', 'training_data', 'quantitative_analyses', 'ethical_considerations', 'caveats_and_recommendations']) {
      assert.ok(labels.includes(section), section);
    }
    assert.ok(!labels.includes('limitations'));
  });

  it('explains `limitations` on hover', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 3 } });
    assert.match((hover.contents as MarkupContent).value, /\*\*limitations\*\*[\s\S]*likely failure mode/);
    assert.deepEqual(hover.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 11 } });
  });
});
