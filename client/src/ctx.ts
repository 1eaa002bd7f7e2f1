import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { kindDocumentFilters, settingsSection, type CardParams, type CardRequests } from '../../server/src/protocol';
import { cardLanguageId } from './activeCard';

/**
 * The extension's state: the language client and its output channel. Commands and views get
 * it, so none of them keeps a client of its own.
 */
export class Ctx implements vscode.Disposable {
  readonly outputChannel: vscode.LogOutputChannel;
  readonly client: LanguageClient;

  constructor(readonly extensionContext: vscode.ExtensionContext) {
    this.outputChannel = vscode.window.createOutputChannel('Model Card Studio', { log: true });
    this.client = new LanguageClient(cardLanguageId, 'Model Card Studio', serverOptions(extensionContext), clientOptions(this.outputChannel));
  }

  /** After `modelcard.huggingFace.validateReadme` changed: README.md files are sent to the server, or no longer. */
  async updateDocumentSelector(): Promise<void> {
    this.client.clientOptions.documentSelector = documentSelector();
    if (this.client.isRunning()) await this.client.restart();
  }

  start(): Promise<void> {
    return this.client.start();
  }

  /** Stops the server if it runs, and starts it again. */
  async restart(): Promise<void> {
    if (this.client.isRunning()) await this.client.restart();
    else await this.client.start();
  }

  /** The params of a card request about `document`. */
  cardParams(document: vscode.TextDocument): CardParams {
    return { textDocument: { uri: this.client.code2ProtocolConverter.asUri(document.uri) } };
  }

  /** Sends one of the card requests of server/src/protocol.ts; null when the server does not have the card open. */
  request<M extends keyof CardRequests>(method: M, params: CardRequests[M][0]): Promise<CardRequests[M][1]> {
    return this.client.sendRequest(method, params) as Promise<CardRequests[M][1]>;
  }

  async dispose(): Promise<void> {
    await this.client.dispose();
    this.outputChannel.dispose();
  }
}

/** The bundled server (dist/server.js) in a Node process of its own, over IPC. */
function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
}

/** Model cards, datasheets and system cards; and Hugging Face README.md files when their checks are on (off by default). */
function documentSelector(): NonNullable<LanguageClientOptions['documentSelector']> {
  const readmes = vscode.workspace.getConfiguration(settingsSection).get<boolean>(validateReadmeSetting, false);
  return [...kindDocumentFilters(), ...(readmes ? [{ language: 'markdown', pattern: '**/README.md' }] : [])];
}

/** The setting (under `modelcard.`) that turns the Hub's metadata checks on for README.md files. */
export const validateReadmeSetting = 'huggingFace.validateReadme';

function clientOptions(outputChannel: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: documentSelector(),
    // Tells the server when `modelcard.*` settings change; it then pulls them with workspace/configuration.
    synchronize: { configurationSection: settingsSection },
    outputChannel,
  };
}
