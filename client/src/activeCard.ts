import * as vscode from 'vscode';
import { kindFiles } from '../../server/src/service/kinds/kindFiles';
import { modelCardFiles } from '../../server/src/service/kinds/modelCard/files';

/** The language id of model cards, as package.json declares it. */
export const cardLanguageId = modelCardFiles.languageId;

/** The language ids of every kind of document (model cards, datasheets, system cards), as package.json declares them. */
export const documentLanguageIds: readonly string[] = kindFiles.map((kind) => kind.languageId);

/** Whether the server reads this document as a model card, datasheet or system card. */
export function isKindDocument(document: vscode.TextDocument): boolean {
  return documentLanguageIds.includes(document.languageId);
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
