import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
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
    registerCommand('modelcard.showPreview', showPreview(manager, { toSide: false })),
    registerCommand('modelcard.showPreviewToSide', showPreview(manager, { toSide: true })),
    registerCommand('modelcard.preview.toggleLock', toggleLock(manager)),
    registerCommand('modelcard.showSource', showSource(manager)),
  );
}
