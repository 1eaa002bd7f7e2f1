import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

/** Restart Server: stops the language server (if it runs) and starts it again. */
export function restartServer(ctx: Ctx): () => Thenable<void> {
  return () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Restarting the Model Card server') }, () => ctx.restart());
}
