import * as vscode from 'vscode';
import { cardDataRequest, exportCardRequest } from '../../../server/src/protocol';
import { exportFormatList, type ExportFormatInfo } from '../../../server/src/service/formats/formatList';
import type { ExportFormatId, Loss } from '../../../server/src/service/formats/formatTypes';
import { cardForCommand } from '../activeCard';
import type { Ctx } from '../ctx';
import { exists } from '../files';

/** What the command may be given instead of asking (a keybinding's `args`, a test). */
export interface ExportArguments {
  format?: ExportFormatId;
  /** CycloneDX version. */
  spec?: '1.5' | '1.6';
  /** Hugging Face: also `.eval_results/*.yaml`. */
  evalResults?: boolean;
}

/**
 * Export…: the card in every format the CLI's `modelcard export` writes (Hugging Face README.md,
 * Model Card Toolkit JSON, CycloneDX ML-BOM, JSON), beside the card. A file that exists is
 * replaced only when the user says so; what the format cannot hold goes to the output channel.
 */
export function exportCard(ctx: Ctx): (given?: ExportArguments) => Promise<void> {
  return async (given = {}) => {
    const card = cardForCommand({ modelCardsOnly: true });
    if (!card) return;
    const format = given.format ? exportFormatList.find((candidate) => candidate.id === given.format) : await pickFormat();
    if (!format) return;
    const summary = await ctx.request(cardDataRequest, ctx.cardParams(card));
    if (!summary || !('data' in summary)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The card cannot be exported: it is not a mapping of keys such as `name:` yet.'));
      return;
    }
    if (summary.errorCount > 0 && !(await confirmExportWithErrors(summary.errorCount))) return;
    const exported = await ctx.request(exportCardRequest, { ...ctx.cardParams(card), format: format.id, ...(given.spec ? { spec: given.spec } : {}), ...(given.evalResults ? { evalResults: true } : {}) });
    if (!exported || exported.refused) {
      void vscode.window.showErrorMessage(exported?.refused ?? vscode.l10n.t('The card is not open on the language server; try again.'));
      return;
    }
    const folder = card.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(card.uri, '..');
    if (!folder) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Save the card first: the export is written beside it.'));
      return;
    }
    const targets = exported.files.map((file) => ({ file, uri: vscode.Uri.joinPath(folder, ...file.path.split('/')) }));
    for (const { uri } of targets) {
      if ((await exists(uri)) && !(await confirmReplace(uri))) return;
    }
    for (const { file, uri } of targets) {
      await vscode.workspace.fs.writeFile(uri, file.base64 !== undefined ? Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0)) : new TextEncoder().encode(file.text ?? ''));
    }
    reportLosses(ctx, `Exported ${vscode.workspace.asRelativePath(card.uri)} as ${format.label}`, exported.losses);
    void announce(ctx, targets[0].uri, exported.losses);
  };
}

function pickFormat(): Thenable<ExportFormatInfo | undefined> {
  const items = exportFormatList.map((format) => ({ label: format.label, description: format.description, format }));
  return vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Model Card'), placeHolder: vscode.l10n.t('Export the card as') }).then((picked) => picked?.format);
}

async function confirmReplace(uri: vscode.Uri): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} exists.', vscode.workspace.asRelativePath(uri)),
    { modal: true, detail: vscode.l10n.t('Replace it with the export? Nothing is written otherwise.') },
    replace,
  );
  return answer === replace;
}

async function confirmExportWithErrors(errorCount: number): Promise<boolean> {
  const exportAnyway = vscode.l10n.t('Export Anyway');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('The card has {0} errors.', errorCount),
    { modal: true, detail: vscode.l10n.t('The export may be incomplete. The Problems view lists the errors.') },
    exportAnyway,
  );
  return answer === exportAnyway;
}

/** The loss report in the output channel: one line per field the target could not hold. */
export function reportLosses(ctx: Ctx, title: string, losses: readonly Loss[], findings: readonly string[] = []): void {
  ctx.outputChannel.info(`${title}: ${losses.length === 0 ? 'every field carried over.' : `${losses.length} field(s) not carried over:`}`);
  for (const finding of findings) ctx.outputChannel.warn(finding);
  for (const loss of losses) ctx.outputChannel.info(`  ${loss.where}: ${loss.reason}`);
}

async function announce(ctx: Ctx, uri: vscode.Uri, losses: readonly Loss[]): Promise<void> {
  const open = vscode.l10n.t('Open');
  const showReport = vscode.l10n.t('Show Loss Report');
  const message = losses.length === 0
    ? vscode.l10n.t('Exported the card to {0}.', vscode.workspace.asRelativePath(uri))
    : vscode.l10n.t('Exported the card to {0}; {1} field(s) could not be carried over.', vscode.workspace.asRelativePath(uri), losses.length);
  const answer = await vscode.window.showInformationMessage(message, open, ...(losses.length > 0 ? [showReport] : []));
  if (answer === open) await vscode.window.showTextDocument(uri);
  if (answer === showReport) ctx.outputChannel.show(true);
}
