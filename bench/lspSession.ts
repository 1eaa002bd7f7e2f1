import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams, ServerCapabilities, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

/** How to start one language server and talk to it. */
export interface ServerSpec {
  label: string;
  /** The Node.js script to run and its arguments (it is run with this process's `node`). */
  script: string;
  args: string[];
  languageId: string;
  /** Answers the server's `workspace/configuration` requests. */
  configuration: (items: { scopeUri?: string; section?: string }[]) => unknown[];
  /** Pushed with `workspace/didChangeConfiguration` right after `initialized`, when given. */
  settings?: unknown;
}

/** A diagnostics publication and when it arrived (performance.now() milliseconds). */
export interface Publication {
  params: PublishDiagnosticsParams;
  receivedAt: number;
}

export interface Memory {
  rssMb: number;
  peakRssMb: number;
}

/** What the bench's client supports: pulled configuration, versioned diagnostics, snippets, Markdown. */
const initializeParams = {
  processId: process.pid,
  rootUri: null,
  capabilities: {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
    textDocument: {
      publishDiagnostics: { versionSupport: true },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
    },
  },
};

/** A wait that ran out of time: the bench shows it as "timed out after N s". */
export class TimeoutError extends Error {
  constructor(
    message: string,
    readonly timeoutMs: number,
  ) {
    super(message);
  }
}

/** Sessions still running, so an interrupted bench never leaves a server behind. */
const running = new Set<LspSession>();
process.once('exit', () => running.forEach((session) => session.kill()));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.forEach((session) => session.kill());
    process.exit(130);
  });
}

/** One language server in its own process, driven over stdio JSON-RPC like an editor would. */
export class LspSession {
  readonly publications: Publication[] = [];
  capabilities: ServerCapabilities = {};
  private stderr = '';
  private readonly waiters = new Set<() => void>();
  private readonly exited: Promise<void>;
  /** Rejects when the server process exits; every wait races against it, so a crash fails fast. */
  private readonly crashed: Promise<never>;

  private constructor(
    readonly spec: ServerSpec,
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.crashed = this.exited.then(() => {
      throw new Error(`${spec.label}: the server exited (code ${child.exitCode}, signal ${child.signalCode})${this.stderrTail()}`);
    });
    this.crashed.catch(() => undefined); // only the waits racing against it report it
    child.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publications.push({ params, receivedAt: performance.now() });
      this.waiters.forEach((check) => check());
    });
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => spec.configuration(params.items));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification(() => undefined); // log messages and telemetry are not measured
  }

  static async start(spec: ServerSpec): Promise<LspSession> {
    const child = spawn(process.execPath, [spec.script, ...spec.args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(spec, child, connection);
    running.add(session);
    connection.listen();
    try {
      const initialized = (await session.withTimeout(connection.sendRequest('initialize', initializeParams), 'initialize')) as InitializeResult;
      session.capabilities = initialized.capabilities;
      await connection.sendNotification('initialized', {});
      if (spec.settings !== undefined) await connection.sendNotification('workspace/didChangeConfiguration', { settings: spec.settings });
      return session;
    } catch (error) {
      session.kill();
      throw error;
    }
  }

  get pid(): number {
    return this.child.pid!;
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.spec.languageId, version: 1, text } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Sends one change and resolves with the time it was handed to the server's stdin. */
  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const sentAt = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return sentAt;
  }

  /** Sends a request and resolves with its result and its round-trip time in milliseconds. */
  async timedRequest<R>(method: string, params: unknown): Promise<{ result: R; ms: number }> {
    const sentAt = performance.now();
    const result = (await this.withTimeout(this.connection.sendRequest(method, params), method)) as R;
    return { result, ms: performance.now() - sentAt };
  }

  /** The first publication for `uri` at or after index `from` that `accept` takes; waits for it (at most `timeoutMs`) if needed. */
  waitForPublication(uri: string, from: number, accept: (params: PublishDiagnosticsParams) => boolean, what: string, timeoutMs?: number): Promise<Publication> {
    let check = () => {};
    const found = new Promise<Publication>((resolve) => {
      check = () => {
        const publication = this.publications.slice(from).find(({ params }) => params.uri === uri && accept(params));
        if (publication) resolve(publication);
      };
    });
    this.waiters.add(check);
    check();
    return this.withTimeout(found, what, timeoutMs).finally(() => this.waiters.delete(check));
  }

  /** Resident and peak resident memory of the server process, from /proc (Linux only). */
  memory(): Memory | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { rssMb: kilobytes('VmRSS') / 1024, peakRssMb: kilobytes('VmHWM') / 1024 };
    } catch {
      return undefined;
    }
  }

  /** Orderly LSP shutdown, bounded by a timeout; the process is killed whatever happens. */
  async stop(): Promise<void> {
    try {
      await this.withTimeout(this.connection.sendRequest('shutdown'), 'shutdown', 5000);
      await this.connection.sendNotification('exit');
      await this.withTimeout(this.exited, 'exit', 5000); // resolves before `crashed`, which derives from it
    } catch {
      // A server that does not shut down in time is killed below.
    } finally {
      this.kill();
    }
  }

  kill(): void {
    running.delete(this);
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  /** `work`, unless the server exits first or `timeoutMs` passes (a guard, not a delay). */
  private withTimeout<T>(work: Promise<T>, what: string, timeoutMs = 30000): Promise<T> {
    let timer: NodeJS.Timeout;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`${this.spec.label}: timed out after ${timeoutMs} ms waiting for ${what}${this.stderrTail()}`, timeoutMs)), timeoutMs);
    });
    return Promise.race([work, timeout, this.crashed]).finally(() => clearTimeout(timer));
  }

  private stderrTail(): string {
    return this.stderr ? `; server stderr: ${this.stderr.slice(-500)}` : '';
  }
}
