import * as vscode from 'vscode';
import { cardTemplates as templates, type CardTemplate as Template } from '../../../server/src/service/templates/cardTemplates';

export interface CardTemplate extends vscode.QuickPickItem, Omit<Template, 'label' | 'detail'> {}

/** The templates New Model Card… offers, in the order it offers them, in the user's language. */
export function cardTemplates(): CardTemplate[] {
  return templates.map((template) => ({ ...template, label: vscode.l10n.t(template.label), detail: vscode.l10n.t(template.detail) }));
}
