import * as vscode from 'vscode';
import { cardDataRequest } from '../../../server/src/protocol';
import { cardForCommand } from '../activeCard';
import type { Ctx } from '../ctx';
import { jsonExportFileName } from '../export/exportFileName';

type ExportFormat = vscode.QuickPickItem & { available: boolean };

/**
 * Export…: the card as JSON, as the server reads it and checks it against the schema. Markdown,
 * Hugging Face and Model Card Toolkit exports belong to the `modelcard export` CLI, which is not
 * built yet; the pick lists them as such.
 */
export function exportCard(ctx: Ctx): () => Promise<void> {
  return async () => {
    const card = cardForCommand();
    if (!card) return;
    const format = await vscode.window.showQuickPick(exportFormats(), { title: vscode.l10n.t('Export Model Card'), placeHolder: vscode.l10n.t('Export the card as') });
    if (!format) return;
    if (!format.available) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} export is not built yet: it will come with the `modelcard export` command line. JSON export works today.', format.label));
      return;
    }
    await exportJson(ctx, card);
  };
}

function exportFormats(): ExportFormat[] {
  const notYet = vscode.l10n.t('not built yet: planned for `modelcard export`');
  return [
    { label: 'JSON', description: vscode.l10n.t('the card as data, checked against the schema'), available: true },
    { label: vscode.l10n.t('Not available yet'), kind: vscode.QuickPickItemKind.Separator, available: false },
    { label: 'Markdown', description: notYet, available: false },
    { label: 'Hugging Face README.md', description: notYet, available: false },
    { label: 'Model Card Toolkit JSON', description: notYet, available: false },
  ];
}

async function exportJson(ctx: Ctx, card: vscode.TextDocument): Promise<void> {
  const result = await ctx.request(cardDataRequest, ctx.cardParams(card));
  if (!result || !('data' in result)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The card cannot be exported: it is not a mapping of keys such as `name:` yet.'));
    return;
  }
  if (result.errorCount > 0 && !(await confirmExportWithErrors(result.errorCount))) return;
  const target = await vscode.window.showSaveDialog({
    defaultUri: defaultExportFile(card),
    filters: { JSON: ['json'] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(result.data, null, 2)}\n`));
  const open = vscode.l10n.t('Open');
  if ((await vscode.window.showInformationMessage(vscode.l10n.t('Exported the card to {0}.', vscode.workspace.asRelativePath(target)), open)) === open) {
    await vscode.window.showTextDocument(target);
  }
}

/** Beside the card; for a card not saved yet, in the first workspace folder. */
function defaultExportFile(card: vscode.TextDocument): vscode.Uri | undefined {
  const fileName = jsonExportFileName(card.uri.path.split('/').pop() ?? '');
  const folder = card.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(card.uri, '..');
  return folder && vscode.Uri.joinPath(folder, fileName);
}

async function confirmExportWithErrors(errorCount: number): Promise<boolean> {
  const exportAnyway = vscode.l10n.t('Export Anyway');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('The card has {0} errors.', errorCount),
    { modal: true, detail: vscode.l10n.t('The exported JSON will not match the schema. The Problems view lists the errors.') },
    exportAnyway,
  );
  return answer === exportAnyway;
}
