import { fixAllKind } from "../service/features/fixAll";
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  cardDataRequest,
  cardSummaryRequest,
  diagramMermaidRequest,
  cardTextRequest,
  orgTemplatesRequest,
  type OrgTemplatesParams,
  settingsSection,
  catalogueChangedNotification,
  catalogueRequest,
  exportCardRequest,
  importCardRequest,
  type CardTextParams,
  type ExportCardParams,
  type ImportCardParams,
  fillEditsRequest,
  listRunsRequest,
  governanceEditsRequest,
  renderRequest,
  type CardParams,
  type FillEditsParams,
  type StoreParams,
  type GovernanceEditsParams,
  type ModelCardSettings,
  type RenderParams,
} from "../protocol";
import { fileURLToPath } from "node:url";
import { configFileNames } from "../service/config/projectConfig";
import { policyFileNames } from "../service/policy/policy";
import {
  createLanguageService,
  type CardFeatures,
} from "../service/languageService";
import { documentKind } from "../service/documentKind";
import { exportCardData, importSource } from "../service/formats/convert";
import { cardText } from "../service/formats/cardText";
import { isRecord } from "../service/card/values";
import { readGraphicAssets } from "../node/cardAssets";
import { graphicsUnder } from "../service/render/graphicSources";
import { OutOfBudget, type Budget } from "../service/steps";
import { CardSettings } from "./cardSettings";
import { runInSlices } from "./runInSlices";
import { SettingsStore } from "./settingsStore";
import { TrackerRuns } from "./trackerRuns";
import { ValidationScheduler } from "./validationScheduler";
import { WorkspaceDocuments } from "./workspaceDocuments";
import { documentFilePatterns, fileExists } from "../node/workspaceFiles";
import { validateLinks } from "../service/diagnostics/validateLinks";
import {
  documentLinks,
  linkDefinition,
  linkReferences,
} from "../service/features/linkNavigation";
import { renameEdits } from "../service/features/renameLinks";
import { catalogue } from "../service/features/catalogue";
import { documentKinds } from "../service/kinds/registry";
import { isUnder } from "../service/workspace/linkTargets";
import { PullDiagnostics, workspaceValidation } from "./pullDiagnostics";
import { orgTemplateList } from "./orgTemplates";

/**
 * How long a request may work, from its arrival, before it answers with what it has: the parse
 * of a large card goes on at the next request, or in the validation between requests. LSP
 * clients wait for every answer; a 5 MB card must not keep hover or completion waiting.
 */
const requestBudgetMs = 1_500;

/** Wires an LSP connection to the language service. No card logic lives here. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service = createLanguageService();
  let settings: SettingsStore;
  let cardSettings: CardSettings;
  let watchesFiles = false;
  let foldingRangeLimit: number | undefined;
  let workspaceFolders: string[] = [];
  let pullDiagnostics: PullDiagnostics | undefined;
  let canPullConfiguration = false;
  /** `modelcard.validate.workspace` as the client pushed it (clients that do not answer workspace/configuration). */
  let pushedWorkspaceValidation: unknown;
  /** Registers pull diagnostics for the whole workspace, or withdraws them, as `modelcard.validate.workspace` says. */
  const updatePullDiagnostics = async () => {
    if (!pullDiagnostics) return;
    const setting = canPullConfiguration
      ? await connection.workspace
          .getConfiguration(`${settingsSection}.validate`)
          .then(
            (validate: { workspace?: unknown } | null) => validate?.workspace,
            () => undefined,
          )
      : pushedWorkspaceValidation;
    pullDiagnostics.update(workspaceValidation(setting));
  };
  /** Settings or a project config changed: the documents that are not open are read again, then every open one is checked again. */
  let indexed = false;
  const settingsChanged = () => {
    revalidate(documents.keys());
    void updatePullDiagnostics();
    // Until the first indexing is done, it reads the new settings as it goes.
    if (!indexed) return;
    void workspace
      .reindexClosed()
      .then(revalidate, (error: unknown) =>
        reportFailure(connection, "workspace indexing", error),
      );
  };
  /** The URIs of the open documents whose findings must be published again (their own edit, or a change to a document they link to). */
  const revalidate = (uris: readonly string[]) => {
    for (const uri of uris) if (documents.get(uri)) scheduler.request(uri);
  };
  let catalogueChangeSent = false;
  /** Tells the client the catalogue changed, once for the changes handled together. */
  const catalogueChanged = () => {
    if (catalogueChangeSent) return;
    catalogueChangeSent = true;
    setImmediate(() => {
      catalogueChangeSent = false;
      void connection.sendNotification(catalogueChangedNotification);
    });
  };
  const workspace = new WorkspaceDocuments(
    service,
    documents,
    async (uri) => {
      const folder =
        workspaceFolders.find((folderUri) => isUnder(uri, folderUri)) ?? uri;
      return (await cardSettings.get(uri, folder)).settings;
    },
    catalogueChanged,
  );

  const trackerRuns = new TrackerRuns(service);
  const scheduler = new ValidationScheduler(
    async (uri) => {
      const document = documents.get(uri);
      if (!document) return;
      // TextDocuments updates a document in place: its version is read before the settings are awaited.
      const version = document.version;
      const isCurrent = () =>
        documents.get(uri) === document && document.version === version;
      const { settings: documentSettings, ignored } =
        await cardSettings.get(uri);
      // Newer edits arrived while the settings were on their way: they scheduled their own run.
      if (!isCurrent()) return;
      // A card the project config ignores gets no findings, as in `modelcard lint`; a README.md is
      // checked (the Hub's metadata rules) only when the user asks for it. Validation runs in
      // slices, between which requests are answered; a newer version stops it.
      const skipped =
        ignored ||
        (documentKind(uri) === "hubReadme" &&
          !documentSettings.huggingFace.validateReadme);
      const steps = service.validateSteps(
        document,
        documentSettings,
        trackerRuns.valuesFor(uri, documentSettings),
      );
      const own = skipped
        ? []
        : await runInSlices(steps, isCurrent).catch((error: unknown) => {
            reportFailure(connection, "validation", error);
            return [];
          });
      if (!own) return;
      const diagnostics = skipped
        ? own
        : [
            ...own,
            ...guarded(
              connection,
              "validation",
              () => linkFindings(document, documentSettings),
              [],
            ),
          ];
      await connection.sendDiagnostics({ uri, version, diagnostics });
    },
    (error) => reportFailure(connection, "validation", error),
  );

  /** The findings of the document's links, against the workspace index (which it updates first). */
  const linkFindings = (
    document: TextDocument,
    documentSettings: ModelCardSettings,
  ): Diagnostic[] => {
    if (documentKind(document.uri) === "hubReadme") return [];
    revalidate(workspace.openDocumentChanged(document, documentSettings));
    return validateLinks(
      document.uri,
      workspace.index,
      documentSettings,
      fileExists,
    );
  };

  connection.onInitialize((params): InitializeResult => {
    const canPull = params.capabilities.workspace?.configuration === true;
    canPullConfiguration = canPull;
    const initialSettings = (
      params.initializationOptions as { settings?: unknown } | undefined
    )?.settings;
    settings = new SettingsStore(connection, canPull, initialSettings);
    pushedWorkspaceValidation = validateSection(initialSettings)?.workspace;
    if (
      params.capabilities.textDocument?.diagnostic?.dynamicRegistration === true
    )
      pullDiagnostics = new PullDiagnostics(connection, workspace);
    watchesFiles =
      params.capabilities.workspace?.didChangeWatchedFiles
        ?.dynamicRegistration === true;
    const folderPaths = (params.workspaceFolders ?? []).flatMap((folder) =>
      folder.uri.startsWith("file:") ? [fileURLToPath(folder.uri)] : [],
    );
    cardSettings = new CardSettings(
      connection,
      settings,
      watchesFiles,
      () => folderPaths,
    );
    foldingRangeLimit =
      params.capabilities.textDocument?.foldingRange?.rangeLimit;
    workspaceFolders =
      params.workspaceFolders?.map((folder) => folder.uri) ??
      (params.rootUri ? [params.rootUri] : []);
    const documentFiles = {
      filters: documentFilePatterns.map((glob) => ({
        scheme: "file",
        pattern: { glob, options: { ignoreCase: true } },
      })),
    };
    const folders = {
      filters: [
        {
          scheme: "file",
          pattern: { glob: "**/*", matches: "folder" as const },
        },
      ],
    };
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        completionProvider: {
          triggerCharacters: [":", " ", "-", "[", "{", ","],
        },
        hoverProvider: true,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, fixAllKind],
        },
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: { label: "Model card" },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspace: {
          fileOperations: {
            willRename: {
              filters: [...documentFiles.filters, ...folders.filters],
            },
          },
        },
      },
      serverInfo: { name: "Model Card Studio", version: "0.1.0" },
    };
  });

  connection.onInitialized(() => {
    const started = performance.now();
    void workspace.indexFolders(workspaceFolders).then(
      (uris) => {
        connection.console.info(
          `Model Card Studio: indexed ${uris.length} documents in ${Math.round(performance.now() - started)} ms`,
        );
        indexed = true;
        revalidate(uris);
        void updatePullDiagnostics();
      },
      (error: unknown) =>
        reportFailure(connection, "workspace indexing", error),
    );
    // Editing a project config or a policy re-validates the open cards, as editing a setting does; a
    // document created, changed or deleted on disk is read again for the index.
    if (!watchesFiles) return;
    const watchers = [
      ...[...configFileNames, ...policyFileNames].map((name) => `**/${name}`),
      ...documentFilePatterns,
    ].map((globPattern) => ({ globPattern }));
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers,
    });
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const configNames: readonly string[] = [
      ...configFileNames,
      ...policyFileNames,
    ];
    const [configs, documentFiles] = partition(changes, (change) =>
      configNames.includes(change.uri.split("/").pop() ?? ""),
    );
    if (configs.length > 0) {
      cardSettings.configChanged();
      settingsChanged();
    }
    for (const change of documentFiles)
      revalidate(await workspace.fileChanged(change.uri, change.type));
  });

  connection.onDidChangeConfiguration(({ settings: pushed }) => {
    settings.changed(pushed);
    const validate = validateSection(
      (pushed as Record<string, unknown> | null)?.[settingsSection],
    );
    if (validate) pushedWorkspaceValidation = validate.workspace;
    settingsChanged();
  });

  /**
   * Answers a request about one open card with its settings; `fallback` when it is not open or the
   * work fails. The answer is about the version the request was sent for, even when edits arrive
   * while the settings are on their way (TextDocuments updates the document in place). The work
   * stops when the client cancels the request, or after `requestBudgetMs`: then the features
   * answer with what they have, or the request fails with a message to try again. A README.md
   * gets only its diagnostics' quick fixes.
   */
  const onCard = async <T>(
    uri: string,
    token: CancellationToken,
    what: string,
    fallback: T,
    work: (
      features: CardFeatures,
      document: TextDocument,
      cardSettings: ModelCardSettings,
    ) => T,
  ): Promise<T | ResponseError<void>> => {
    const arrived = performance.now();
    const budget: Budget = {
      isSpent: () =>
        token.isCancellationRequested ||
        performance.now() - arrived > requestBudgetMs,
    };
    const document = documents.get(uri);
    if (
      !document ||
      (documentKind(uri) === "hubReadme" && what !== "code actions")
    )
      return fallback;
    const asked = { version: document.version, text: document.getText() };
    const { settings: documentSettings } = await cardSettings.get(uri);
    if (token.isCancellationRequested) return cancelled();
    const unchanged =
      documents.get(uri) === document && document.version === asked.version;
    const snapshot = unchanged
      ? document
      : TextDocument.create(
          uri,
          document.languageId,
          asked.version,
          asked.text,
        );
    try {
      const answer = work(service.within(budget), snapshot, documentSettings);
      return token.isCancellationRequested ? cancelled() : answer;
    } catch (error) {
      if (error instanceof OutOfBudget)
        return token.isCancellationRequested
          ? cancelled()
          : new ResponseError(LSPErrorCodes.RequestFailed, error.message);
      reportFailure(connection, what, error);
      return fallback;
    }
  };

  connection.onCompletion(({ textDocument, position }, token) =>
    onCard(
      textDocument.uri,
      token,
      "completion",
      null,
      (features, document, cardSettings) =>
        features.complete(document, position, cardSettings),
    ),
  );
  connection.onHover(({ textDocument, position }, token) =>
    onCard(
      textDocument.uri,
      token,
      "hover",
      null,
      (features, document, cardSettings) =>
        features.hover(
          document,
          position,
          cardSettings,
          trackerRuns.valuesFor(document.uri, cardSettings),
        ),
    ),
  );
  connection.onCodeAction(({ textDocument, context }, token) =>
    onCard(
      textDocument.uri,
      token,
      "code actions",
      null,
      (features, document, cardSettings) =>
        features.codeActions(document, context, cardSettings),
    ),
  );
  connection.onRequest(
    diagramMermaidRequest,
    ({ textDocument }: CardParams, token) =>
      onCard(
        textDocument.uri,
        token,
        "diagram",
        null,
        (features, document) => {
          const mermaid = features.diagramMermaid(document);
          return mermaid === undefined ? {} : { mermaid };
        },
      ),
  );
  connection.onCodeLens(({ textDocument }, token) =>
    onCard(
      textDocument.uri,
      token,
      "code lenses",
      null,
      (features, document, cardSettings) =>
        features.codeLenses(document, cardSettings),
    ),
  );
  connection.onDocumentSymbol(({ textDocument }, token) =>
    onCard(
      textDocument.uri,
      token,
      "document symbols",
      null,
      (features, document) => features.documentSymbols(document),
    ),
  );
  connection.onFoldingRanges(({ textDocument }, token) =>
    onCard(
      textDocument.uri,
      token,
      "folding ranges",
      null,
      (features, document) =>
        features.foldingRanges(document, foldingRangeLimit),
    ),
  );
  connection.onSelectionRanges(({ textDocument, positions }, token) =>
    onCard(
      textDocument.uri,
      token,
      "selection ranges",
      null,
      (features, document) => features.selectionRanges(document, positions),
    ),
  );
  connection.onRequest(
    renderRequest,
    ({ textDocument, audience, graphicsBase }: RenderParams, token) =>
      onCard(
        textDocument.uri,
        token,
        "render",
        null,
        (features, document, cardSettings) =>
          features.render(
            document,
            audience,
            cardSettings,
            graphicsBase ? graphicsUnder(graphicsBase) : undefined,
          ),
      ),
  );
  connection.onRequest(
    cardSummaryRequest,
    ({ textDocument }: CardParams, token) =>
      onCard(
        textDocument.uri,
        token,
        "card summary",
        null,
        (features, document) => features.summarize(document),
      ),
  );
  connection.onRequest(cardDataRequest, ({ textDocument }: CardParams, token) =>
    onCard(
      textDocument.uri,
      token,
      "card data",
      null,
      (features, document, cardSettings) =>
        features.exportData(document, cardSettings),
    ),
  );
  connection.onRequest(
    governanceEditsRequest,
    ({ textDocument, change }: GovernanceEditsParams, token) =>
      onCard(
        textDocument.uri,
        token,
        "governance edits",
        null,
        (features, document) => features.governanceEdits(document, change),
      ),
  );

  connection.onRequest(
    exportCardRequest,
    async (
      { textDocument, format, spec, evalResults }: ExportCardParams,
      token,
    ) => {
      const exported = await onCard(
        textDocument.uri,
        token,
        "export",
        null,
        (features, document, documentSettings) =>
          features.exportData(document, documentSettings),
      );
      if (!exported || exported instanceof ResponseError) return exported;
      if (!isRecord(exported.data))
        return {
          files: [],
          losses: [],
          errorCount: exported.errorCount,
          refused: "The card is not a mapping of keys such as `name:` yet.",
        };
      const cardFile = textDocument.uri.startsWith("file:")
        ? fileURLToPath(textDocument.uri)
        : undefined;
      const assets = cardFile
        ? await readGraphicAssets(cardFile, exported.data)
        : new Map<string, string>();
      const name = textDocument.uri.split("/").pop() ?? "model.modelcard.yaml";
      const result = await exportCardData(
        exported.data,
        format,
        decodeURIComponent(name),
        {
          assets,
          ...(spec ? { spec } : {}),
          ...(evalResults ? { evalResults } : {}),
        },
      );
      return { ...result, errorCount: exported.errorCount };
    },
  );
  connection.onRequest(importCardRequest, (params: ImportCardParams) =>
    importSource(params).catch((error: unknown) => ({
      files: [],
      losses: [],
      findings: [failureMessage(connection, "import", error)],
      formatLabel: "",
    })),
  );
  connection.onRequest(orgTemplatesRequest, ({ folder }: OrgTemplatesParams) =>
    orgTemplateList(cardSettings, folder).catch((error: unknown) => ({
      templates: [],
      problems: [failureMessage(connection, "organisation templates", error)],
    })),
  );
  connection.onRequest(cardTextRequest, ({ card, origin }: CardTextParams) =>
    guarded(connection, "card text", () => cardText(card, origin), ""),
  );
  documents.onDidOpen(() => cardSettings.cardOpened());
  connection.onRequest(listRunsRequest, (params: StoreParams) =>
    trackerRuns
      .listRuns(params)
      .catch((error: unknown) => ({
        runs: [],
        error: failureMessage(connection, "list runs", error),
      })),
  );
  connection.onRequest(fillEditsRequest, async (params: FillEditsParams) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return trackerRuns
      .fillEdits(document, params)
      .catch((error: unknown) => ({
        version: document.version,
        edits: [],
        changes: [],
        notices: [],
        refused: failureMessage(connection, "fill", error),
      }));
  });

  /** On open and on save, the bound runs are read again (off the validation path), then the card is validated with them. */
  const verify = async (document: TextDocument) => {
    await trackerRuns.refresh(document, await settings.get(document.uri));
    scheduler.request(document.uri);
  };
  documents.onDidOpen(
    ({ document }) =>
      void verify(document).catch((error: unknown) =>
        reportFailure(connection, "verification", error),
      ),
  );
  documents.onDidSave(
    ({ document }) =>
      void verify(document).catch((error: unknown) =>
        reportFailure(connection, "verification", error),
      ),
  );
  documents.onDidChangeContent(({ document }) =>
    scheduler.request(document.uri),
  );
  documents.onDidClose(({ document }) => {
    void workspace.documentClosed(document.uri).then(revalidate);
    scheduler.cancel(document.uri);
    service.forget(document.uri);
    trackerRuns.forget(document.uri);
    settings.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  /**
   * Indexes the open documents edited since they were last checked (their check runs in slices,
   * between which requests are answered), so that edits made from the index go where their links are now.
   */
  const indexEditedDocuments = async () => {
    for (const document of documents.all()) {
      if (documentKind(document.uri) === "hubReadme" || !workspace.isBehind(document)) continue;
      const { settings: documentSettings, ignored } = await cardSettings.get(document.uri);
      if (!ignored && documents.get(document.uri) === document) revalidate(workspace.openDocumentChanged(document, documentSettings));
    }
  };

  /** The index entry of an open document as it is now (its findings counted under its settings). */
  const openEntry = (
    document: TextDocument,
    documentSettings: ModelCardSettings,
  ) => service.indexEntry(document, documentSettings);
  connection.onDefinition(({ textDocument, position }, token) =>
    onCard(
      textDocument.uri,
      token,
      "definition",
      null,
      (_features, document, documentSettings) =>
        linkDefinition(openEntry(document, documentSettings), position),
    ),
  );
  connection.onDocumentLinks(({ textDocument }, token) =>
    onCard(
      textDocument.uri,
      token,
      "document links",
      null,
      (_features, document, documentSettings) =>
        documentLinks(openEntry(document, documentSettings)),
    ),
  );
  connection.onRequest(catalogueRequest, () =>
    guarded(
      connection,
      "catalogue",
      () =>
        catalogue(workspace.index, documentKinds, (uri) => {
          const documentSettings = workspace.settingsOf(uri);
          return documentSettings ? validateLinks(uri, workspace.index, documentSettings, fileExists) : [];
        }),
      null,
    ),
  );
  connection.onReferences(({ textDocument }) =>
    guarded(
      connection,
      "references",
      () => linkReferences(workspace.index, textDocument.uri),
      null,
    ),
  );
  connection.workspace.onWillRenameFiles(async ({ files }) => {
    await indexEditedDocuments();
    return guarded(
      connection,
      "rename",
      () => renameEdits(workspace.index, files),
      null,
    );
  });

  documents.listen(connection);
  connection.listen();
}

function cancelled(): ResponseError<void> {
  return new ResponseError(
    LSPErrorCodes.RequestCancelled,
    "The request was cancelled.",
  );
}

/** The work's result; `fallback` when it fails (the failure is logged). */
function guarded<T>(
  connection: Connection,
  what: string,
  work: () => T,
  fallback: T,
): T {
  try {
    return work();
  } catch (error) {
    reportFailure(connection, what, error);
    return fallback;
  }
}

/** Logs the failure and gives the one line the user sees. */
function failureMessage(
  connection: Connection,
  what: string,
  error: unknown,
): string {
  reportFailure(connection, what, error);
  return `Model Card Studio could not ${what}: ${error instanceof Error ? error.message : String(error)}`;
}

function reportFailure(
  connection: Connection,
  what: string,
  error: unknown,
): void {
  connection.console.error(
    `Model Card Studio: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
}

/** The items that pass `test`, and the others. */
function partition<T>(
  items: readonly T[],
  test: (item: T) => boolean,
): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

/** The `validate` section of pushed settings (`{ validate: { workspace } }`), if there is one. */
function validateSection(
  settings: unknown,
): { workspace?: unknown } | undefined {
  const validate = (settings as { validate?: unknown } | null | undefined)
    ?.validate;
  return typeof validate === "object" && validate !== null
    ? (validate as { workspace?: unknown })
    : undefined;
}
