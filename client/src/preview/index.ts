import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { activeCard } from '../activeCard';
import { settingsSection } from '../../../server/src/protocol';
import { showPreview } from './commands/showPreview';
import { showSource } from './commands/showSource';
import { toggleLock } from './commands/toggleLock';
import { PreviewManager } from './previewManager';

/** Registers a command; the extension's version logs and shows the command's failures. */
export type RegisterCommand = (id: string, run: (...args: any[]) => unknown) => vscode.Disposable;

/** The preview: its webview serializer and its commands, as package.json declares them. */
export function registerPreview(ctx: Ctx, registerCommand: RegisterCommand): vscode.Disposable {
  const manager = new PreviewManager(ctx);
  return vscode.Disposable.from(
    manager,
    openAtStartup(manager),
    registerCommand('modelcard.showPreview', showPreview(manager, { toSide: false })),
    registerCommand('modelcard.showPreviewToSide', showPreview(manager, { toSide: true })),
    registerCommand('modelcard.preview.toggleLock', toggleLock(manager)),
    registerCommand('modelcard.showSource', showSource(manager)),
  );
}

/**
 * With `modelcard.preview.openAtStartup` on, the first card in the active editor of the session
 * (the one open when the extension starts, or the next one opened) gets its preview beside it,
 * unless a preview was restored: `npm start` opens the examples folder, which sets it, on its
 * system card.
 */
function openAtStartup(manager: PreviewManager): vscode.Disposable {
  const open = (card: vscode.TextDocument) => {
    if (!manager.hasPreviews() && vscode.workspace.getConfiguration(settingsSection, card.uri).get<boolean>('preview.openAtStartup', false)) manager.showPreview(card.uri, { toSide: true });
  };
  const card = activeCard();
  if (card) {
    open(card);
    return new vscode.Disposable(() => undefined);
  }
  const waiting = vscode.window.onDidChangeActiveTextEditor(() => {
    const opened = activeCard();
    if (!opened) return;
    waiting.dispose();
    open(opened);
  });
  return waiting;
}
