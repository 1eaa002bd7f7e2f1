import * as vscode from 'vscode';
import type { KindFiles } from '../../../server/src/service/kinds/documentKind';
import { kindFiles } from '../../../server/src/service/kinds/kindFiles';
import type { OrgTemplateList } from '../../../server/src/protocol';
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

/** A template, or the separator before the organisation's. */
export type TemplatePickItem = CardTemplate | (vscode.QuickPickItem & { kind: vscode.QuickPickItemKind.Separator });

/**
 * The organisation's templates of a kind (the server's answer to `modelcard/templates`), under a
 * separator naming the organisation and its policy file; none when it has none of this kind.
 */
export function orgTemplateItems(kind: KindFiles, list: OrgTemplateList): TemplatePickItem[] {
  const templates = list.templates.filter((template) => template.kindId === kind.id);
  if (templates.length === 0 || !list.policy) return [];
  const policyFile = vscode.workspace.asRelativePath(vscode.Uri.parse(list.policy.uri));
  const label = list.policy.organisation ? `${list.policy.organisation} (${policyFile})` : policyFile;
  return [
    { kind: vscode.QuickPickItemKind.Separator, label },
    ...templates.map(({ id, label: templateLabel, detail, text }) => ({ id, label: templateLabel, description: id, detail, text })),
  ];
}
