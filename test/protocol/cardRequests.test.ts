import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  cardDataRequest,
  cardSummaryRequest,
  governanceEditsRequest,
  type CardData,
  type CardSummary,
  type GovernanceEdits,
} from '../../server/src/protocol';
import { seedSample } from '../helpers/cards';
import { LspTestClient } from '../helpers/lspClient';

const uri = 'file:///work/image-classifier.modelcard.yaml';
const textDocument = { uri };

describe('the custom card requests over JSON-RPC', () => {
  let client: LspTestClient;

  beforeEach(async () => {
    client = await LspTestClient.start();
  });

  afterEach(() => {
    if (client.isRunning) client.kill();
  });

  it('answers null for a card the client has not opened', async () => {
    assert.equal(await client.request(cardSummaryRequest, { textDocument }), null);
    assert.equal(await client.request(cardDataRequest, { textDocument }), null);
    assert.equal(await client.request(governanceEditsRequest, { textDocument, change: { status: 'in_review' } }), null);
  });

  it('summarizes the open card, gives its data, and edits its governance at the version it has', async () => {
    await client.open(uri, seedSample, 7);
    assert.deepEqual(await client.request<CardSummary>(cardSummaryRequest, { textDocument }), { name: 'ImageClassifier' });
    const data = await client.request<CardData>(cardDataRequest, { textDocument });
    assert.deepEqual(data, { data: { name: 'ImageClassifier', version: '1.0', metrics: { accuracy: 0.92 }, limitations: 'May misclassify rare images' }, errorCount: 0 });

    const result = await client.request<GovernanceEdits>(governanceEditsRequest, { textDocument, change: { status: 'in_review' } });
    assert.equal(result.version, 7);
    const edited = TextDocument.applyEdits(TextDocument.create(uri, 'modelcard', 7, seedSample), result.edits);
    assert.equal(edited, `${seedSample}governance:\n  status: in_review\n`);

    await client.change(uri, 8, [{ text: edited }]);
    assert.deepEqual(await client.request<CardSummary>(cardSummaryRequest, { textDocument }), { name: 'ImageClassifier', status: 'in_review' });
  });
});
