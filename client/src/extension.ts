import * as vscode from 'vscode';
import { commandIds, lazyCommand } from './commands';
import { settingsSection } from '../../server/src/protocol';
import { Ctx, validateReadmeSetting } from './ctx';
import { registerPreview } from './preview';
import { CardStatusBar } from './statusBar';
import { CatalogueView, previewFromCatalogue } from './catalogue/catalogueView';
import type { CatalogueNode } from './catalogue/catalogueTree';

/** What the extension gives other extensions (`vscode.extensions.getExtension(id).exports`). */
export interface ModelCardStudioApi {
  /** The "Model Cards" view's tree as the view shows it: the workspace's documents by kind and status, a system card's components. */
  readonly catalogue: vscode.TreeDataProvider<CatalogueNode>;
  /**
   * Resolves once the language server runs (at once, or when the start or restart under way ends);
   * rejects when that start failed. Activation does not wait for the server.
   */
  ready(): Promise<void>;
}

let ctx: Ctx | undefined;

/**
 * Registers the commands, the preview (client/src/preview/ registers its own commands and webview),
 * the status bar and the Model Cards view, and returns. The language client loads and starts the
 * server right after, outside activation: what needs the server waits for it (Ctx.whenRunning).
 */
export function activate(context: vscode.ExtensionContext): ModelCardStudioApi {
  const started = new Ctx(context);
  ctx = started;
  for (const id of commandIds) {
    context.subscriptions.push(vscode.commands.registerCommand(id, reportingErrors(started, id, lazyCommand(started, id))));
  }
  context.subscriptions.push(registerPreview(started, (id, run) => vscode.commands.registerCommand(id, reportingErrors(started, id, run))));
  context.subscriptions.push(new CardStatusBar(started));
  const catalogue = new CatalogueView(started);
  context.subscriptions.push(
    catalogue,
    vscode.commands.registerCommand('modelcard.catalogue.refresh', () => catalogue.refresh()),
    vscode.commands.registerCommand('modelcard.catalogue.showPreview', previewFromCatalogue),
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${settingsSection}.${validateReadmeSetting}`)) void started.updateDocumentSelector().catch((error: unknown) => started.outputChannel.error('Restarting the server failed', error));
    }),
  );
  // The extension host counts activation until the value returned resolves: a microtask would still
  // run before that, a macrotask (setImmediate) runs after.
  setImmediate(() => void startServer(started));
  return {
    catalogue,
    ready: async () => {
      await started.whenRunning();
    },
  };
}

/** Starts the server; VS Code does not show why it did not start: say so where the user looks. The commands stay, so Restart Server can retry. */
async function startServer(ctx: Ctx): Promise<void> {
  try {
    await ctx.whenRunning();
  } catch (error) {
    ctx.outputChannel.error('The language server did not start', error);
    void showError(ctx, vscode.l10n.t('The Model Card server did not start: {0}', messageOf(error)));
  }
}

export function deactivate(): Promise<void> | undefined {
  return ctx?.dispose();
}

/** The command, with its failures logged and shown instead of lost. */
function reportingErrors(ctx: Ctx, id: string, run: (...args: unknown[]) => unknown): (...args: unknown[]) => Promise<unknown> {
  return async (...args) => {
    try {
      return await run(...args);
    } catch (error) {
      ctx.outputChannel.error(`${id} failed`, error);
      void showError(ctx, vscode.l10n.t('Model Card: {0}', messageOf(error)));
      return undefined;
    }
  };
}

async function showError(ctx: Ctx, message: string): Promise<void> {
  const showOutput = vscode.l10n.t('Show Output');
  if ((await vscode.window.showErrorMessage(message, showOutput)) === showOutput) ctx.outputChannel.show(true);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
