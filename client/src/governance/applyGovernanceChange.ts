import * as vscode from 'vscode';
import { governanceEditsRequest, type GovernanceChange } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';

/**
 * Asks the server for the edits that make `change` to the card and applies them as one undoable
 * edit. Returns whether the card was changed; tells the user why when it was not.
 */
export async function applyGovernanceChange(ctx: Ctx, card: vscode.TextDocument, change: GovernanceChange): Promise<boolean> {
  const result = await ctx.request(governanceEditsRequest, { ...ctx.cardParams(card), change });
  if (!result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The Model Card server does not have {0} open; try again.', vscode.workspace.asRelativePath(card.uri)));
    return false;
  }
  if (result.refused) {
    void vscode.window.showWarningMessage(result.refused);
    return false;
  }
  const edits = await ctx.asTextEdits(result.edits);
  if (card.version !== result.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The card changed while the edit was prepared; run the command again.'));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(card.uri, edits);
  return vscode.workspace.applyEdit(edit);
}
