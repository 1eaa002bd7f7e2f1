import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentLink, Location, PublishDiagnosticsParams, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { catalogueChangedNotification, catalogueRequest, type Catalogue } from '../../server/src/protocol';
import { folderWith } from '../helpers/cli';
import { LspTestClient } from '../helpers/lspClient';
import { ragWorkspace } from '../helpers/ragWorkspace';

const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((diagnostic) => diagnostic.code).filter((code) => /^MC12\d$/.test(String(code)));

describe('the workspace index in the server (a folder on disk)', () => {
  let folder: string;
  let client: LspTestClient | undefined;
  const uriOf = (file: string) => pathToFileURL(path.join(folder, file)).href;
  const files = ragWorkspace({ systemStatus: 'approved' });
  const systemUri = () => uriOf('assistant.systemcard.yaml');

  /** Starts the server on the folder, opens the system card and answers its first findings that `accept` takes. */
  async function openSystem(accept: (params: PublishDiagnosticsParams) => boolean): Promise<LspTestClient> {
    client = await LspTestClient.start({ watchFiles: true, workspaceFolders: [pathToFileURL(folder).href] });
    await client.open(systemUri(), files['assistant.systemcard.yaml']);
    await client.waitForDiagnostics(systemUri(), accept);
    return client;
  }

  /** The system card's findings published after the `since`-th publication that `accept` takes. */
  const nextFindings = (since: number, accept: (params: PublishDiagnosticsParams) => boolean) =>
    client!.waitFor(() => client!.published.slice(since).find((params) => params.uri === systemUri() && accept(params)), 'the system card checked again');

  /** Findings whose codes differ from `before`: the server may first publish the same ones again (its index finished reading the folder). */
  const changedFrom = (before: string) => (params: PublishDiagnosticsParams) => codes(params).join() !== before;

  beforeEach(() => {
    folder = folderWith(files);
  });

  afterEach(() => {
    if (client?.isRunning) client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('checks the links of an open document against the files on disk, and follows files created, changed and deleted', async () => {
    // The reranker's card is in review and the corpus's datasheet states no status: two MC122.
    await openSystem((params) => codes(params).join() === 'MC122,MC122');

    rmSync(path.join(folder, 'models/reranker.modelcard.yaml'));
    let since = client!.published.length;
    await client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('models/reranker.modelcard.yaml'), type: 3 }] });
    const broken = await nextFindings(since, changedFrom('MC122,MC122'));
    assert.deepEqual(codes(broken), ['MC120', 'MC122']);
    assert.deepEqual(broken.diagnostics.find((diagnostic) => diagnostic.code === 'MC120')?.range, { start: { line: 13, character: 10 }, end: { line: 13, character: 40 } });

    writeFileSync(path.join(folder, 'models/reranker.modelcard.yaml'), files['models/reranker.modelcard.yaml'].replace('in_review', 'approved'));
    since = client!.published.length;
    await client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('models/reranker.modelcard.yaml'), type: 1 }] });
    assert.deepEqual(codes(await nextFindings(since, changedFrom('MC120,MC122'))), ['MC122']);

    writeFileSync(path.join(folder, 'data/support-articles.datasheet.yaml'), `${files['data/support-articles.datasheet.yaml']}governance:\n  status: approved\n`);
    since = client!.published.length;
    await client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('data/support-articles.datasheet.yaml'), type: 2 }] });
    assert.deepEqual(codes(await nextFindings(since, changedFrom('MC122'))), []);
  });

  it("updates an open document's dependants as it is edited, and reads it from disk again when it is closed", async () => {
    await openSystem((params) => codes(params).length === 2);
    const reranker = uriOf('models/reranker.modelcard.yaml');
    await client!.open(reranker, files['models/reranker.modelcard.yaml']);
    const line = files['models/reranker.modelcard.yaml'].split('\n').findIndex((text) => text.includes('status:'));
    let since = client!.published.length;
    await client!.change(reranker, 2, [{ range: { start: { line, character: 10 }, end: { line, character: 19 } }, text: 'approved' }]);
    assert.deepEqual(codes(await nextFindings(since, changedFrom('MC122,MC122'))), ['MC122']);
    since = client!.published.length;
    await client!.close(reranker);
    assert.deepEqual(codes(await nextFindings(since, changedFrom('MC122'))), ['MC122', 'MC122']);
  });

  it('goes to a linked document, lists document links, finds references and keeps links right when files move', async () => {
    await openSystem((params) => codes(params).length === 2);
    const position = { line: 10, character: 20 };
    const definition = await client!.request<Location>('textDocument/definition', { textDocument: { uri: systemUri() }, position });
    assert.deepEqual(definition, { uri: uriOf('models/embedder.modelcard.yaml'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });

    const links = await client!.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: systemUri() } });
    assert.deepEqual(links.map((link) => link.target), ['embedder', 'reranker', 'generator'].map((name) => uriOf(`models/${name}.modelcard.yaml`)).concat(uriOf('data/support-articles.datasheet.yaml')));

    // The datasheet is not open: what uses it comes from the index.
    const datasheet = uriOf('data/support-articles.datasheet.yaml');
    const references = await client!.request<Location[]>('textDocument/references', { textDocument: { uri: datasheet }, position: { line: 0, character: 0 }, context: { includeDeclaration: false } });
    assert.deepEqual(references.map((reference) => [reference.uri, reference.range.start.line]), [[systemUri(), 19], [uriOf('models/generator.modelcard.yaml'), 8]]);

    const edit = await client!.request<WorkspaceEdit>('workspace/willRenameFiles', { files: [{ oldUri: uriOf('data'), newUri: uriOf('corpus') }] });
    assert.deepEqual(edit.changes, {
      [systemUri()]: [{ range: { start: { line: 19, character: 10 }, end: { line: 19, character: 46 } }, newText: 'corpus/support-articles.datasheet.yaml' }],
      [uriOf('models/generator.modelcard.yaml')]: [{ range: { start: { line: 8, character: 15 }, end: { line: 8, character: 54 } }, newText: '../corpus/support-articles.datasheet.yaml' }],
    });
    const { workspace } = client!.initializeResult.capabilities;
    assert.ok(workspace?.fileOperations?.willRename?.filters.some((filter) => filter.pattern.glob === '**/*.systemcard.yaml'));
  });

  it('edits the links of an open document where they are now when a file moves just after an edit of it', async () => {
    await openSystem((params) => codes(params).length === 2);
    // Two lines above the links, and the move asked at once: the check of the new text (which indexes it) has not finished.
    await client!.change(systemUri(), 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# The help centre assistant.\n# Owned by support.\n' }]);
    const edit = await client!.request<WorkspaceEdit>('workspace/willRenameFiles', { files: [{ oldUri: uriOf('data'), newUri: uriOf('corpus') }] });
    assert.deepEqual(edit.changes?.[systemUri()], [{ range: { start: { line: 21, character: 10 }, end: { line: 21, character: 46 } }, newText: 'corpus/support-articles.datasheet.yaml' }]);
  });

  it('gives the catalogue of the workspace, and says when it changes', async () => {
    await openSystem((params) => codes(params).length === 2);
    const catalogue = await client!.request<Catalogue>(catalogueRequest, null);
    assert.deepEqual(catalogue.kinds.map((kind) => kind.id), ['modelCard', 'datasheet', 'systemCard']);
    assert.deepEqual(
      catalogue.documents.map(({ uri, kind, name, status }) => [uri, kind, name, status]),
      [
        [systemUri(), 'systemCard', 'Support assistant', 'approved'],
        [uriOf('data/support-articles.datasheet.yaml'), 'datasheet', 'support-articles', undefined],
        [uriOf('models/embedder.modelcard.yaml'), 'modelCard', 'Embedder', 'approved'],
        [uriOf('models/generator.modelcard.yaml'), 'modelCard', 'Generator', 'published'],
        [uriOf('models/reranker.modelcard.yaml'), 'modelCard', 'Reranker', 'in_review'],
      ],
    );
    assert.deepEqual(catalogue.documents[0].components?.map((component) => component.id), ['embedder', 'reranker', 'generator', 'index', 'gateway']);
    assert.ok(catalogue.documents[2].errors > 0, 'the embedder card has no metrics: errors are counted');

    let notified = () => {};
    client!.connection.onNotification(catalogueChangedNotification, () => notified());
    const nextChange = () => new Promise<void>((resolve) => (notified = resolve));
    let change = nextChange();
    writeFileSync(path.join(folder, 'data/faq.datasheet.yaml'), 'name: faq\n');
    await client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('data/faq.datasheet.yaml'), type: 1 }] });
    // Wait on notifications (an earlier one may still be on its way) until the catalogue holds the new datasheet.
    const hasFaq = (listed: Catalogue) => listed.documents.some((document) => document.uri === uriOf('data/faq.datasheet.yaml') && document.name === 'faq');
    for (;;) {
      await change;
      change = nextChange();
      if (hasFaq(await client!.request<Catalogue>(catalogueRequest, null))) break;
    }

    // A document outside the workspace folders is listed while it is open, not after.
    const elsewhere = folderWith({ 'loose.modelcard.yaml': 'name: Loose\n' });
    const loose = pathToFileURL(path.join(elsewhere, 'loose.modelcard.yaml')).href;
    await client!.open(loose, 'name: Loose\n');
    await client!.waitForDiagnostics(loose);
    assert.ok((await client!.request<Catalogue>(catalogueRequest, null)).documents.some((document) => document.uri === loose));
    const since = client!.published.length;
    await client!.close(loose);
    await client!.waitFor(() => client!.published.slice(since).find((params) => params.uri === loose), 'the closed document cleared');
    assert.ok(!(await client!.request<Catalogue>(catalogueRequest, null)).documents.some((document) => document.uri === loose));
    rmSync(elsewhere, { recursive: true, force: true });
  });
});
