import * as vscode from 'vscode';
import type { KindFiles } from '../../../server/src/service/kinds/documentKind';
import { kindFiles } from '../../../server/src/service/kinds/kindFiles';
import type { CardTemplate as Template } from '../../../server/src/service/templates/cardTemplates';

export interface CardTemplate extends vscode.QuickPickItem, Omit<Template, 'label' | 'detail'> {}

export interface DocumentKindItem extends vscode.QuickPickItem {
  documentKind: KindFiles;
}

/** The kinds New… offers (model card, datasheet, system card), in the user's language, with their file names. */
export function documentKindItems(): DocumentKindItem[] {
  return kindFiles.map((kind) => ({ documentKind: kind, label: vscode.l10n.t(kind.label), description: `*${kind.fileSuffixes[0]}`, detail: vscode.l10n.t(kind.summary) }));
}

/** The templates of a kind New… offers, in the order it offers them, in the user's language. */
export function kindTemplates(kind: KindFiles): CardTemplate[] {
  return kind.templates.map((template) => ({ ...template, label: vscode.l10n.t(template.label), detail: vscode.l10n.t(template.detail) }));
}
