import * as vscode from 'vscode';
import { diagramMermaidRequest } from '../../../server/src/protocol';
import { cardForCommand } from '../activeCard';
import type { Ctx } from '../ctx';

/** Copy Diagram as Mermaid: the active system card's components and data flow as Mermaid source, on the clipboard (to paste into a README or an issue). */
export function copyDiagram(ctx: Ctx): () => Promise<void> {
  return async () => {
    const card = cardForCommand();
    if (!card) return;
    const diagram = await ctx.request(diagramMermaidRequest, ctx.cardParams(card));
    if (!diagram) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The card is not open on the language server; try again.'));
      return;
    }
    if (diagram.mermaid === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This document has no diagram: a system card (.systemcard.yaml) with components has one.'));
      return;
    }
    await vscode.env.clipboard.writeText(diagram.mermaid);
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied the diagram of {0} as Mermaid: paste it into Markdown in a ```mermaid block.', vscode.workspace.asRelativePath(card.uri)));
  };
}
