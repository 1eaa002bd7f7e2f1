import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource, LSPErrorCodes, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { generateCard } from '../../bench/generateCard';
import { renderRequest, type RenderedCard } from '../../server/src/protocol';
import { createLanguageService } from '../../server/src/service/languageService';
import { seedSample } from '../helpers/cards';
import { LspTestClient } from '../helpers/lspClient';

const uri = 'file:///versions/card.modelcard.yaml';
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('the live server answers for the version asked about', () => {
  let client: LspTestClient;

  afterEach(() => {
    if (client?.isRunning) client.kill();
  });

  it('answers requests sent while its settings are on their way for that version, and publishes only the latest', async () => {
    let releaseSettings!: () => void;
    const settingsArrive = new Promise<void>((resolve) => (releaseSettings = resolve));
    client = await LspTestClient.start({ configuration: async (items) => (await settingsArrive, items.map(() => null)) });
    const before = `# A comment\n${seedSample}`;
    const after = `# Three lines\n# were added\n# above\n${seedSample.replace('limitations', 'limits')}`;
    await client.open(uri, before, 1);
    const symbols = client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const rendered = client.request<RenderedCard>(renderRequest, { textDocument: { uri }, audience: 'developer' });
    await client.change(uri, 2, [{ text: after }]);
    // The server answers a method it does not know at once, after handling every message before it.
    await assert.rejects(client.request('test/noSuchMethod', {}));
    releaseSettings();

    const service = createLanguageService();
    const beforeDocument = TextDocument.create(uri, 'modelcard', 1, before);
    assert.deepEqual(await symbols, json(service.documentSymbols(beforeDocument)));
    const { version, html } = await rendered;
    assert.equal(version, 1);
    assert.equal(html, service.render(beforeDocument, 'developer').html);

    const latest = await client.waitForDiagnostics(uri, (params) => params.version === 2);
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    // Opening a card also reads its tracker runs, and validates again after: only version 2 is ever published.
    assert.deepEqual(new Set(client.published.filter((params) => params.uri === uri).map((params) => params.version)), new Set([2]));
    assert.deepEqual(latest.diagnostics, json(service.validate(TextDocument.create(uri, 'modelcard', 2, after))));
  });

  it('validates a burst of 200 changes that arrives together once, at its last version', async () => {
    client = await LspTestClient.start();
    await client.open(uri, seedSample, 1);
    await client.waitForDiagnostics(uri, (params) => params.version === 1);
    let text = seedSample;
    // All 200 notifications go out in one write, so that they arrive together.
    const messages: string[] = [];
    for (let version = 2; version <= 201; version++) {
      const insert = `# edit ${version}\n`;
      const contentChanges = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }];
      const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges } });
      messages.push(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      text = insert + text;
    }
    client.process.stdin!.write(messages.join(''));
    const last = await client.waitForDiagnostics(uri, (params) => params.version === 201);
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(client.published.filter((params) => params.uri === uri).map((params) => params.version), [1, 201]);
    assert.deepEqual(last.diagnostics, json(createLanguageService().validate(TextDocument.create(uri, 'modelcard', 201, text))));
  });

  it('answers a request the client cancelled with RequestCancelled', async () => {
    client = await LspTestClient.start();
    await client.open(uri, seedSample, 1);
    const cancellation = new CancellationTokenSource();
    const symbols = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, cancellation.token);
    cancellation.cancel();
    await assert.rejects(symbols, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
    assert.ok((await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })).length > 0);
  });

  it('drops the validation of a version when a newer edit arrives while it runs', async () => {
    let releaseSettings!: () => void;
    const settingsArrive = new Promise<void>((resolve) => (releaseSettings = resolve));
    let asked!: () => void;
    const settingsAsked = new Promise<void>((resolve) => (asked = resolve));
    client = await LspTestClient.start({ configuration: async (items) => (asked(), await settingsArrive, items.map(() => null)) });
    // Reading and checking a card this large takes many slices of validation.
    const large = generateCard(10_000).text;
    await client.open(uri, large, 1);
    await settingsAsked;
    releaseSettings();
    // The client answers with the settings in the next turn; the edit goes after, so validation of version 1 has started when it arrives.
    await new Promise((resolve) => setImmediate(resolve));
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
    await client.waitForDiagnostics(uri, (params) => params.version === 2, 120_000);
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(client.published.filter((params) => params.uri === uri).map((params) => params.version), [2]);
  });
});
