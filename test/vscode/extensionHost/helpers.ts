// Helpers for tests that run inside the extension host, on the real `vscode` API. The workspace
// folder is the fixture workspace written by test/vscode/harness/testWorkspace.ts.
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import type { ModelCardStudioApi } from '../../../client/src/extension';

export const extensionId = `${manifest.publisher}.${manifest.name}`;

export function workspaceFile(fileName: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, fileName);
}

/** Opens a card of the workspace in an editor. */
export async function openCard(fileName: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(fileName));
  return vscode.window.showTextDocument(document);
}

/** Resolves once `probe` returns a value; rejects after `timeoutMs` (a guard, not a delay). */
export function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 30_000, onChange?: vscode.Event<unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const disposables: vscode.Disposable[] = [];
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      clearInterval(poll);
      disposables.forEach((disposable) => disposable.dispose());
      settle();
    };
    const check = () => {
      const value = probe();
      if (value !== undefined) finish(() => resolve(value));
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    // Without an event to listen to (activation has none), look again every 50 ms.
    const poll = onChange === undefined ? setInterval(check, 50) : undefined;
    if (onChange !== undefined) disposables.push(onChange(check));
    check();
  });
}

/** The first diagnostics of `uri` that `accept` takes, now or after the next changes. */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    `diagnostics of ${uri.path}`,
    timeoutMs,
    vscode.languages.onDidChangeDiagnostics,
  );
}

/** The diagnostic's code as a string (VS Code may wrap it with a documentation link). */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

export function hasCode(code: string): (diagnostics: vscode.Diagnostic[]) => boolean {
  return (diagnostics) => diagnostics.some((diagnostic) => codeOf(diagnostic) === code);
}

/** The extension's API (its `exports`), once it is active. */
export async function modelCardStudio(): Promise<ModelCardStudioApi> {
  const extension = vscode.extensions.getExtension<ModelCardStudioApi>(extensionId);
  if (extension === undefined) throw new Error(`${extensionId} is not loaded`);
  return extension.activate();
}

/** The extension's API once its language server runs: activation returns before the server has started. */
export async function languageServerRunning(): Promise<ModelCardStudioApi> {
  const api = await modelCardStudio();
  await api.ready();
  return api;
}

/** Resolves once the asynchronous `probe` returns a value, asking again after each `onChange` (and every 50 ms); rejects after `timeoutMs`. */
export async function waitForAnswer<T>(probe: () => Promise<T | undefined>, what: string, onChange: vscode.Event<unknown>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let subscription: vscode.Disposable | undefined;
    let timer: NodeJS.Timeout | undefined;
    // Listening before asking, so that a change during the question is not missed.
    const changed = new Promise<void>((resolve) => {
      subscription = onChange(() => resolve());
      timer = setTimeout(resolve, 50);
    });
    try {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await changed;
    } finally {
      subscription?.dispose();
      clearTimeout(timer);
    }
  }
}
