import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TextEdit } from 'vscode-languageserver-types';
import { kindDocumentFilters, settingsSection, type CardParams, type CardRequests } from '../../server/src/protocol';
import { cardLanguageId } from './activeCard';
import type { DocumentSelector } from './languageClient';

type LanguageClientModule = typeof import('./languageClient');

/**
 * The extension's state: the language client and its output channel. Commands and views get
 * it, so none of them keeps a client of its own. The client's code (dist/languageClient.js) loads
 * on its first start, which activation leaves for later; until the server runs, `whenRunning()`
 * and the requests wait for it.
 */
export class Ctx implements vscode.Disposable {
  readonly outputChannel: vscode.LogOutputChannel;
  private client: LanguageClient | undefined;
  /** The latest start or restart: resolves with the client once the server runs, rejects when it did not start. */
  private starting: Promise<LanguageClient> | undefined;
  private readonly stateChanges = new vscode.EventEmitter<void>();
  /** Fires when the server starts, stops or restarts. */
  readonly onDidChangeState = this.stateChanges.event;
  /** The server's notifications that views listen to, by method. */
  private readonly notifications = new Map<string, vscode.EventEmitter<unknown>>();

  constructor(readonly extensionContext: vscode.ExtensionContext) {
    this.outputChannel = vscode.window.createOutputChannel('Model Card Studio', { log: true });
  }

  /** The client once the server runs: waits for the start or restart under way, or starts the server if none was; rejects when that start failed. */
  whenRunning(): Promise<LanguageClient> {
    this.starting ??= this.startClient();
    return this.starting;
  }

  /** Whether the server runs now (not while it starts or restarts). */
  isRunning(): boolean {
    return this.client?.isRunning() ?? false;
  }

  /** Stops the server if it runs, and starts it again. */
  async restart(): Promise<void> {
    this.starting = this.restartClient();
    await this.starting;
  }

  /** After `modelcard.huggingFace.validateReadme` changed: README.md files are sent to the server, or no longer. */
  async updateDocumentSelector(): Promise<void> {
    // A client not created yet reads the setting when it is.
    if (!this.client) return;
    this.client.clientOptions.documentSelector = documentSelector();
    await this.starting?.catch(() => undefined);
    if (this.client.isRunning()) await this.restart();
  }

  /** Calls `handler` on each notification `method` from the server, from the client's creation on and across restarts. */
  onNotification(method: string, handler: (params: unknown) => void): vscode.Disposable {
    let notification = this.notifications.get(method);
    if (!notification) {
      const emitter = new vscode.EventEmitter<unknown>();
      this.notifications.set(method, emitter);
      this.client?.onNotification(method, (params: unknown) => emitter.fire(params));
      notification = emitter;
    }
    return notification.event(handler);
  }

  /** The params of a card request about `document` (the client sends documents' URIs as strings). */
  cardParams(document: vscode.TextDocument): CardParams {
    return { textDocument: { uri: document.uri.toString() } };
  }

  /** Sends one of the card requests of server/src/protocol.ts once the server runs; null when the server does not have the card open. */
  async request<M extends keyof CardRequests>(method: M, params: CardRequests[M][0]): Promise<CardRequests[M][1]> {
    const client = await this.whenRunning();
    return client.sendRequest(method, params) as Promise<CardRequests[M][1]>;
  }

  /** The server's text edits as VS Code's. */
  async asTextEdits(edits: TextEdit[]): Promise<vscode.TextEdit[]> {
    const client = await this.whenRunning();
    return client.protocol2CodeConverter.asTextEdits(edits);
  }

  async dispose(): Promise<void> {
    await this.client?.dispose();
    this.stateChanges.dispose();
    for (const emitter of this.notifications.values()) emitter.dispose();
    this.outputChannel.dispose();
  }

  private async startClient(): Promise<LanguageClient> {
    const client = this.createdClient();
    await client.start();
    return client;
  }

  private async restartClient(): Promise<LanguageClient> {
    const client = this.createdClient();
    if (client.isRunning()) await client.restart();
    else await client.start();
    return client;
  }

  /** The client, created (its code loaded) on first use. */
  private createdClient(): LanguageClient {
    if (this.client) return this.client;
    const { createLanguageClient } = require('./languageClient') as LanguageClientModule;
    const client = createLanguageClient(cardLanguageId, this.extensionContext, this.outputChannel, documentSelector());
    client.onDidChangeState(() => this.stateChanges.fire());
    for (const [method, emitter] of this.notifications) client.onNotification(method, (params: unknown) => emitter.fire(params));
    this.client = client;
    return client;
  }
}

/** Model cards, datasheets and system cards; and Hugging Face README.md files when their checks are on (off by default). */
function documentSelector(): DocumentSelector {
  const readmes = vscode.workspace.getConfiguration(settingsSection).get<boolean>(validateReadmeSetting, false);
  return [...kindDocumentFilters(), ...(readmes ? [{ language: 'markdown', pattern: '**/README.md' }] : [])];
}

/** The setting (under `modelcard.`) that turns the Hub's metadata checks on for README.md files. */
export const validateReadmeSetting = 'huggingFace.validateReadme';
