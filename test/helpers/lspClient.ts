import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export const serverPath = path.resolve(__dirname, '../../dist/server.js');

interface StartOptions {
  /** Answers the server's `workspace/configuration` requests; when absent the client does not offer that capability. */
  configuration?: (items: { scopeUri?: string; section?: string }[]) => unknown[] | Promise<unknown[]>;
  initializationOptions?: unknown;
  /** Offer `workspace/didChangeWatchedFiles` with dynamic registration (the server then registers its file watchers). */
  watchFiles?: boolean;
  /** Offer pull diagnostics (`textDocument/diagnostic` with dynamic registration), as VS Code does. */
  pullDiagnostics?: boolean;
  /** The workspace folders (URIs) the client opens; none by default. */
  workspaceFolders?: string[];
}

/** A real LSP client over stdio, talking JSON-RPC to the bundled server in its own process. */
export class LspTestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  /** What the server logged through `window/logMessage` (the server's own errors go there). */
  readonly logs: string[] = [];
  /** What the server registered through `client/registerCapability`. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  stderr = '';
  private readonly waiters = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    readonly initializeResult: InitializeResult,
  ) {
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published: PublishDiagnosticsParams[] = [];
    const logs: string[] = [];
    let client: LspTestClient | undefined;
    connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
      (client?.logs ?? logs).push(message);
      client?.notifyWaiters();
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      (client?.published ?? published).push(params);
      client?.notifyWaiters();
    });
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      options.configuration ? options.configuration(params.items) : params.items.map(() => null),
    );
    const registrations: { method: string; registerOptions?: unknown }[] = [];
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      (client?.registrations ?? registrations).push(...params.registrations);
      client?.notifyWaiters();
      return null;
    });
    connection.listen();
    const initializeResult = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0] ?? null,
      workspaceFolders: options.workspaceFolders?.map((uri, index) => ({ uri, name: `folder ${index + 1}` })) ?? null,
      capabilities: {
        workspace: { configuration: options.configuration !== undefined, didChangeWatchedFiles: { dynamicRegistration: options.watchFiles === true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: true } } : {}) },
      },
      initializationOptions: options.initializationOptions,
    })) as InitializeResult;
    await connection.sendNotification('initialized', {});
    client = new LspTestClient(child, connection, initializeResult);
    client.published.push(...published);
    client.logs.push(...logs);
    client.registrations.push(...registrations);
    child.stderr!.on('data', (chunk) => (client!.stderr += String(chunk)));
    return client;
  }

  async open(uri: string, text: string, version = 1, languageId = 'modelcard'): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Resolves with the first diagnostics published for `uri` (from now or already received) that satisfy `accept`. */
  waitForDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.published.find((params) => params.uri === uri && accept(params)), `diagnostics for ${uri}`, timeoutMs);
  }

  /** Resolves once `probe` returns a value; rejects after `timeoutMs` (a guard, not a delay). */
  waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 15000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr}`));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }

  get isRunning(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Orderly LSP shutdown; resolves with the server's exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }

  private notifyWaiters(): void {
    for (const check of [...this.waiters]) check();
  }
}
