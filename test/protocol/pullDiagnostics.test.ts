import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentDiagnosticReport, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { folderWith } from '../helpers/cli';
import { LspTestClient } from '../helpers/lspClient';
import { ragWorkspace } from '../helpers/ragWorkspace';

describe('pull diagnostics for the documents that are not open (workspace/diagnostic)', () => {
  let folder: string;
  let client: LspTestClient | undefined;
  const uriOf = (file: string) => pathToFileURL(path.join(folder, file)).href;
  const files = ragWorkspace({ systemStatus: 'approved' });

  beforeEach(() => {
    folder = folderWith({ ...files, 'assistant.systemcard.yaml': files['assistant.systemcard.yaml'].replace('models/embedder.modelcard.yaml', 'models/embeder.modelcard.yaml') });
  });

  afterEach(() => {
    if (client?.isRunning) client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  const start = (validate?: string) =>
    LspTestClient.start({
      watchFiles: true,
      pullDiagnostics: true,
      workspaceFolders: [pathToFileURL(folder).href],
      configuration: (items) => items.map((item) => (item.section === 'modelcard.validate' ? { workspace: validate } : null)),
    });
  const pullWorkspace = (previousResultIds: { uri: string; value: string }[] = []) => client!.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
  const byUri = (reports: WorkspaceDocumentDiagnosticReport[]) => new Map(reports.map((report) => [report.uri, report]));

  it('registers for the workspace, reports every closed document with its cross-file findings, and unchanged ones as unchanged', async () => {
    client = await start();
    const registration = await client.waitFor(() => client!.registrations.find((entry) => entry.method === 'textDocument/diagnostic'), 'the pull-diagnostics registration');
    assert.deepEqual(registration.registerOptions, {
      identifier: 'modelcard-workspace',
      interFileDependencies: true,
      workspaceDiagnostics: true,
      documentSelector: ['modelcard', 'datasheet', 'systemcard'].flatMap((kind) => ['yaml', 'yml'].map((extension) => ({ scheme: 'file', pattern: `**/*.${kind}.${extension}` }))),
    });

    const first = byUri((await pullWorkspace()).items);
    assert.equal(first.size, 5);
    const system = first.get(uriOf('assistant.systemcard.yaml'));
    assert.equal(system?.kind, 'full');
    assert.deepEqual(
      system.kind === 'full' && system.items.filter((diagnostic) => String(diagnostic.code).startsWith('MC12')).map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
      [['MC120', 10], ['MC122', 13], ['MC122', 19]],
    );
    const generator = first.get(uriOf('models/generator.modelcard.yaml'));
    assert.ok(generator?.kind === 'full' && generator.items.some((diagnostic) => diagnostic.code === 'MC002'), 'its own findings too');

    const again = await pullWorkspace([...first.values()].map((report) => ({ uri: report.uri, value: report.resultId! })));
    assert.deepEqual(again.items.map((report) => report.kind), ['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it('leaves open documents to their pushed diagnostics, so nothing shows twice', async () => {
    client = await start('on');
    await client.waitFor(() => client!.registrations.find((entry) => entry.method === 'textDocument/diagnostic'), 'the pull-diagnostics registration');
    const system = uriOf('assistant.systemcard.yaml');
    await client.open(system, files['assistant.systemcard.yaml']);
    await client.waitForDiagnostics(system);
    assert.ok(!(await pullWorkspace()).items.some((report) => report.uri === system));
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: system } });
    assert.deepEqual(report.kind === 'full' && report.items, []);
  });

  it('does not register when modelcard.validate.workspace is off', async () => {
    client = await start('off');
    await client.waitFor(() => client!.logs.find((line) => line.includes('indexed 5 documents')), 'the index');
    const card = uriOf('models/generator.modelcard.yaml');
    await client.open(card, files['models/generator.modelcard.yaml']);
    await client.waitForDiagnostics(card);
    assert.equal(client.registrations.find((entry) => entry.method === 'textDocument/diagnostic'), undefined);
  });
});
