import * as vscode from 'vscode';
import { cardForCommand } from '../../activeCard';
import type { PreviewManager } from '../previewManager';

/**
 * Open Preview (in the editor's place) and Open Preview to the Side: the card clicked (editor
 * title, explorer) or the active one.
 */
export function showPreview(manager: PreviewManager, { toSide }: { toSide: boolean }): (card?: vscode.Uri) => void {
  return (card) => {
    const target = card instanceof vscode.Uri ? card : cardForCommand()?.uri;
    if (target) manager.showPreview(target, { toSide });
  };
}
