import { CodeActionKind, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  cardDataRequest,
  cardSummaryRequest,
  governanceEditsRequest,
  renderRequest,
  type CardParams,
  type GovernanceEditsParams,
  type RenderParams,
} from '../protocol';
import { createLanguageService } from '../service/languageService';
import { SettingsStore } from './settingsStore';
import { ValidationScheduler } from './validationScheduler';

/** Wires an LSP connection to the language service. No card logic lives here. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service = createLanguageService();
  let settings: SettingsStore;
  let foldingRangeLimit: number | undefined;

  const scheduler = new ValidationScheduler(async (uri) => {
    const document = documents.get(uri);
    if (!document) return;
    const cardSettings = await settings.get(uri);
    const current = documents.get(uri);
    // Newer edits arrived while the settings were on their way: they scheduled their own run.
    if (current !== document || current.version !== document.version) return;
    const diagnostics = guarded(connection, 'validation', () => service.validate(document, cardSettings), []);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }, (error) => reportFailure(connection, 'validation', error));

  connection.onInitialize((params): InitializeResult => {
    const canPull = params.capabilities.workspace?.configuration === true;
    settings = new SettingsStore(connection, canPull, (params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    foldingRangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [':', ' ', '-', '[', '{', ','] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: { label: 'Model card' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
      },
      serverInfo: { name: 'Model Card Studio', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration(({ settings: pushed }) => {
    settings.changed(pushed);
    for (const document of documents.all()) scheduler.request(document.uri);
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const cardSettings = await settings.get(document.uri);
    return guarded(connection, 'completion', () => service.complete(document, position, cardSettings), null);
  });

  connection.onHover(async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const cardSettings = await settings.get(document.uri);
    return guarded(connection, 'hover', () => service.hover(document, position, cardSettings), null);
  });

  connection.onCodeAction(async ({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const cardSettings = await settings.get(document.uri);
    return guarded(connection, 'code actions', () => service.codeActions(document, context, cardSettings), null);
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    return document ? guarded(connection, 'document symbols', () => service.documentSymbols(document), null) : null;
  });

  connection.onFoldingRanges(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    return document ? guarded(connection, 'folding ranges', () => service.foldingRanges(document, foldingRangeLimit), null) : null;
  });

  connection.onSelectionRanges(({ textDocument, positions }) => {
    const document = documents.get(textDocument.uri);
    return document ? guarded(connection, 'selection ranges', () => service.selectionRanges(document, positions), null) : null;
  });

  connection.onRequest(renderRequest, async ({ textDocument, audience }: RenderParams) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const cardSettings = await settings.get(document.uri);
    return guarded(connection, 'render', () => service.render(document, audience, cardSettings), null);
  });

  connection.onRequest(cardSummaryRequest, ({ textDocument }: CardParams) => {
    const document = documents.get(textDocument.uri);
    return document ? guarded(connection, 'card summary', () => service.summarize(document), null) : null;
  });

  connection.onRequest(cardDataRequest, async ({ textDocument }: CardParams) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const cardSettings = await settings.get(document.uri);
    return guarded(connection, 'card data', () => service.exportData(document, cardSettings), null);
  });

  connection.onRequest(governanceEditsRequest, ({ textDocument, change }: GovernanceEditsParams) => {
    const document = documents.get(textDocument.uri);
    return document ? guarded(connection, 'governance edits', () => service.governanceEdits(document, change), null) : null;
  });

  documents.onDidChangeContent(({ document }) => scheduler.request(document.uri));
  documents.onDidClose(({ document }) => {
    scheduler.cancel(document.uri);
    service.forget(document.uri);
    settings.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}

/** Runs `work`; if it throws, logs the error and answers `fallback`, so one bad input never stops the server. */
export function guarded<T>(connection: Connection, what: string, work: () => T, fallback: T): T {
  try {
    return work();
  } catch (error) {
    reportFailure(connection, what, error);
    return fallback;
  }
}

function reportFailure(connection: Connection, what: string, error: unknown): void {
  connection.console.error(`Model Card Studio: ${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
}
