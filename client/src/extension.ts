import * as vscode from 'vscode';
import { commandFactories } from './commands';
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
}

let ctx: Ctx | undefined;

/**
 * Starts the language client (the server runs in its own process) and registers the commands and
 * the status bar. The preview (client/src/preview/) registers its own commands and webview here too.
 */
export async function activate(context: vscode.ExtensionContext): Promise<ModelCardStudioApi> {
  const started = new Ctx(context);
  ctx = started;
  for (const [id, factory] of Object.entries(commandFactories)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, reportingErrors(started, id, factory(started))));
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
  try {
    await started.start();
  } catch (error) {
    // VS Code does not show activation errors: say so where the user looks. The commands stay, so Restart Server can retry.
    started.outputChannel.error('The language server did not start', error);
    void showError(started, vscode.l10n.t('The Model Card server did not start: {0}', messageOf(error)));
  }
  return { catalogue };
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
