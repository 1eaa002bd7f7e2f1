import { fixAllKind } from '../service/features/fixAll';
import { CodeActionKind, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  cardDataRequest,
  cardSummaryRequest,
  governanceEditsRequest,
  renderRequest,
  type CardParams,
  type GovernanceEditsParams,
  type ModelCardSettings,
  type RenderParams,
} from '../protocol';
import { createLanguageService } from '../service/languageService';
import { graphicsUnder } from '../service/render/graphicSources';
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
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
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

  /** Answers a request about one open card with its settings; `fallback` when it is not open or the work fails. */
  const onCard = async <T>(uri: string, what: string, fallback: T, work: (document: TextDocument, cardSettings: ModelCardSettings) => T): Promise<T> => {
    const document = documents.get(uri);
    if (!document) return fallback;
    const cardSettings = await settings.get(uri);
    return guarded(connection, what, () => work(document, cardSettings), fallback);
  };

  connection.onCompletion(({ textDocument, position }) =>
    onCard(textDocument.uri, 'completion', null, (document, cardSettings) => service.complete(document, position, cardSettings)),
  );
  connection.onHover(({ textDocument, position }) =>
    onCard(textDocument.uri, 'hover', null, (document, cardSettings) => service.hover(document, position, cardSettings)),
  );
  connection.onCodeAction(({ textDocument, context }) =>
    onCard(textDocument.uri, 'code actions', null, (document, cardSettings) => service.codeActions(document, context, cardSettings)),
  );
  connection.onDocumentSymbol(({ textDocument }) => onCard(textDocument.uri, 'document symbols', null, (document) => service.documentSymbols(document)));
  connection.onFoldingRanges(({ textDocument }) =>
    onCard(textDocument.uri, 'folding ranges', null, (document) => service.foldingRanges(document, foldingRangeLimit)),
  );
  connection.onSelectionRanges(({ textDocument, positions }) =>
    onCard(textDocument.uri, 'selection ranges', null, (document) => service.selectionRanges(document, positions)),
  );
  connection.onRequest(renderRequest, ({ textDocument, audience, graphicsBase }: RenderParams) =>
    onCard(textDocument.uri, 'render', null, (document, cardSettings) =>
      service.render(document, audience, cardSettings, graphicsBase ? graphicsUnder(graphicsBase) : undefined),
    ),
  );
  connection.onRequest(cardSummaryRequest, ({ textDocument }: CardParams) => onCard(textDocument.uri, 'card summary', null, (document) => service.summarize(document)));
  connection.onRequest(cardDataRequest, ({ textDocument }: CardParams) =>
    onCard(textDocument.uri, 'card data', null, (document, cardSettings) => service.exportData(document, cardSettings)),
  );
  connection.onRequest(governanceEditsRequest, ({ textDocument, change }: GovernanceEditsParams) =>
    onCard(textDocument.uri, 'governance edits', null, (document) => service.governanceEdits(document, change)),
  );

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
