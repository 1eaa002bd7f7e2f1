import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { cardTextRequest, exportCardRequest, importCardRequest, type ExportedCard, type ImportedCard } from '../../server/src/protocol';
import { cycloneDxValidator, mctValidator, repoRoot } from '../helpers/formats';
import { LspTestClient } from '../helpers/lspClient';

const readmeUri = 'file:///models/sentiment/README.md';
const badReadme = `---
license: Apache-2.0
pipeline_tag: text-classifier
model-index:
- results:
  - task:
      type: text-classification
    dataset:
      type: imdb
    metrics:
    - type: accuracy
      value: 0.9
---
# A model
`;

/** A client whose workspace/configuration answers the `modelcard` section with `validateReadme`. */
function clientWithReadmeChecks(validateReadme: boolean): Promise<LspTestClient> {
  return LspTestClient.start({ configuration: (items) => items.map((item) => (item.section === 'modelcard' ? { huggingFace: { validateReadme } } : null)) });
}

function described(readme: string, params: PublishDiagnosticsParams): string[] {
  const document = TextDocument.create(readmeUri, 'markdown', 1, readme);
  return params.diagnostics.map((diagnostic) => `${String(diagnostic.code)} ${diagnostic.range.start.line}:${diagnostic.range.start.character} ${document.getText(diagnostic.range)}`);
}

describe('Hugging Face README.md checks and import/export over LSP', () => {
  let client: LspTestClient;

  afterEach(() => {
    if (client.isRunning) client.kill();
  });

  it('with modelcard.huggingFace.validateReadme on, publishes the Hub findings of a README.md with exact ranges, and answers no card features on it', async () => {
    client = await clientWithReadmeChecks(true);
    await client.open(readmeUri, badReadme, 1, 'markdown');
    const published = await client.waitForDiagnostics(readmeUri, (params) => params.diagnostics.length > 0);
    assert.deepEqual(described(badReadme, published), ['MC071 1:9 Apache-2.0', 'MC072 2:14 text-classifier', 'MC074 4:2 results', 'MC074 7:4 dataset']);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: readmeUri }, position: { line: 1, character: 10 } }), null);
    assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri: readmeUri } }), null);
  });

  it('with the setting off (the default), publishes no findings for a README.md', async () => {
    client = await clientWithReadmeChecks(false);
    await client.open(readmeUri, badReadme, 1, 'markdown');
    const published = await client.waitForDiagnostics(readmeUri);
    assert.deepEqual(published.diagnostics, []);
    // The same text in a card still gets the card rules: the setting is about README.md files only.
    const cardUri = 'file:///models/sentiment/readme-like.modelcard.yaml';
    await client.open(cardUri, 'name: m\nlicence: mit\n');
    assert.ok((await client.waitForDiagnostics(cardUri)).diagnostics.some((diagnostic) => diagnostic.code === 'MC010'));
  });

  it('exports the open card to MCT and CycloneDX 1.5 (official schemas), with the loss report', async () => {
    client = await LspTestClient.start();
    const cardUri = 'file:///models/speech/speech.modelcard.yaml';
    await client.open(cardUri, readFileSync(path.join(repoRoot, 'examples/speech-recognition.modelcard.yaml'), 'utf8'));
    const mct = await client.request<ExportedCard>(exportCardRequest, { textDocument: { uri: cardUri }, format: 'mct' });
    assert.equal(mct.files[0].path, 'speech.mct.json');
    assert.ok(mctValidator()(JSON.parse(mct.files[0].text!)));
    assert.ok(mct.losses.some((loss) => loss.where === 'variants'));
    const bom = await client.request<ExportedCard>(exportCardRequest, { textDocument: { uri: cardUri }, format: 'cyclonedx', spec: '1.5' });
    assert.equal(bom.files[0].path, 'speech.cdx.json');
    const validate = cycloneDxValidator('1.5');
    const valid = validate(JSON.parse(bom.files[0].text!));
    assert.ok(valid, JSON.stringify(validate.errors));
    assert.equal(await client.request(exportCardRequest, { textDocument: { uri: 'file:///not/open.modelcard.yaml' }, format: 'json' }), null);
  });

  it('imports a README.md into card data and writes its text, which lints without errors', async () => {
    client = await LspTestClient.start();
    const text = readFileSync(path.join(repoRoot, 'examples/hub-readme/README.md'), 'utf8');
    const imported = await client.request<ImportedCard>(importCardRequest, { fileName: '/models/sentiment/README.md', text });
    assert.equal(imported.formatLabel, 'Hugging Face README.md');
    assert.equal(imported.card?.name, 'review-sentiment');
    assert.match(imported.findings.join('\n'), /README\.md:11:15: warning: `sentiment-analysis` is a kind of `text-classification`/);
    const cardText = await client.request<string>(cardTextRequest, { card: imported.card, origin: 'Imported in a test.' });
    assert.ok(cardText.startsWith('# Imported in a test.\nschema_version: 2\nname: review-sentiment\n'));
    const cardUri = 'file:///models/sentiment/review-sentiment.modelcard.yaml';
    await client.open(cardUri, cardText);
    const published = await client.waitForDiagnostics(cardUri);
    assert.deepEqual(published.diagnostics.filter((diagnostic) => diagnostic.severity === 1), []);
  });
});
