import * as vscode from 'vscode';

/** The language id of model cards, as package.json declares it. */
export const cardLanguageId = 'modelcard';

/** The model card in the active editor, if that is where the user is. */
export function activeCard(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === cardLanguageId ? document : undefined;
}

/** The active card, for a command about it; without one, tells the user to open one. */
export function cardForCommand(): vscode.TextDocument | undefined {
  const card = activeCard();
  if (!card) void vscode.window.showInformationMessage(vscode.l10n.t('Open a model card (.modelcard.yaml) first.'));
  return card;
}
