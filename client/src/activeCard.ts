import * as vscode from 'vscode';
import { kindDocumentFilters } from '../../server/src/protocol';
import { modelCardFiles } from '../../server/src/service/kinds/modelCard/files';

/** The language id of model cards, as package.json declares it. */
export const cardLanguageId = modelCardFiles.languageId;

/** Whether this is a model card, datasheet or system card the server checks (the client sends it). */
export function isKindDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(kindDocumentFilters(), document) > 0;
}

/** The model card, datasheet or system card in the active editor, if that is where the user is. */
export function activeCard(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && isKindDocument(document) ? document : undefined;
}

/**
 * The active document, for a command about it; without one, tells the user to open one. A command
 * about model cards only (export, fill from a run) passes `modelCardsOnly`.
 */
export function cardForCommand({ modelCardsOnly = false } = {}): vscode.TextDocument | undefined {
  const card = activeCard();
  if (card && (!modelCardsOnly || card.languageId === cardLanguageId)) return card;
  void vscode.window.showInformationMessage(
    modelCardsOnly ? vscode.l10n.t('Open a model card (.modelcard.yaml) first.') : vscode.l10n.t('Open a model card, datasheet or system card first.'),
  );
  return undefined;
}
