import * as vscode from 'vscode';
import { cardTextRequest, importCardRequest } from '../../../server/src/protocol';
import { importFormatForFile, importFormatList, type ImportFormatInfo } from '../../../server/src/service/formats/formatList';
import type { ImportFormatId, OutputFile } from '../../../server/src/service/formats/formatTypes';
import { cardFileStem, freeFileName } from '../../../server/src/service/templates/cardFile';
import type { Ctx } from '../ctx';
import { exists } from '../files';
import { reportLosses } from './exportCard';

/** What the command may be given instead of asking (the explorer passes the file; a test passes both). */
export interface ImportArguments {
  source?: vscode.Uri;
  format?: ImportFormatId;
}

/**
 * Import Model Card…: a Hugging Face README.md, a Model Card Toolkit JSON or a Markdown card
 * becomes a new `.modelcard.yaml` beside it (never over a file: a taken name gets `-2`), with its
 * graphics as image files; the card opens, and the loss report goes to the output channel.
 */
export function importCard(ctx: Ctx): (target?: vscode.Uri | ImportArguments) => Promise<void> {
  return async (target) => {
    const given: ImportArguments = target instanceof vscode.Uri ? { source: target } : (target ?? {});
    const source = given.source ?? activeSource() ?? (await chooseSource());
    if (!source) return;
    const format = given.format ? importFormatList.find((candidate) => candidate.id === given.format) : (importFormatForFile(source.path) ?? (await pickFormat()));
    if (!format) return;
    const imported = await ctx.request(importCardRequest, { fileName: source.path, text: await sourceText(source), format: format.id });
    if (!imported.card) {
      reportLosses(ctx, `Import of ${vscode.workspace.asRelativePath(source)} failed`, [], imported.findings);
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing could be imported from {0}: {1}', vscode.workspace.asRelativePath(source), imported.findings[0] ?? ''));
      return;
    }
    const folder = vscode.Uri.joinPath(source, '..');
    const graphics = await writeGraphics(folder, imported.files);
    const card: Record<string, unknown> = { ...imported.card, ...(Array.isArray(imported.card.graphics) ? { graphics: imported.card.graphics.map((graphic) => ({ ...graphic, path: graphics.get(graphic.path) ?? graphic.path })) } : {}) };
    const fileName = await freeFileName(cardFileStem(String(card.name)) || 'model', (candidate) => exists(vscode.Uri.joinPath(folder, candidate)));
    const origin = `Imported from ${source.path.split('/').pop()} (${imported.formatLabel}) by Import Model Card….\nFields the source could not give are marked TODO; the Problems view lists them.`;
    const text = await ctx.request(cardTextRequest, { card, origin });
    const cardUri = vscode.Uri.joinPath(folder, fileName);
    await vscode.workspace.fs.writeFile(cardUri, new TextEncoder().encode(text));
    reportLosses(ctx, `Imported ${vscode.workspace.asRelativePath(source)} into ${vscode.workspace.asRelativePath(cardUri)}`, imported.losses, imported.findings);
    await vscode.window.showTextDocument(cardUri);
    if (imported.losses.length > 0 || imported.findings.length > 0) {
      const showReport = vscode.l10n.t('Show Loss Report');
      const message = vscode.l10n.t('Imported {0}: {1} field(s) not carried over, {2} note(s) on the source.', vscode.workspace.asRelativePath(cardUri), imported.losses.length, imported.findings.length);
      void vscode.window.showInformationMessage(message, showReport).then((answer) => answer === showReport && ctx.outputChannel.show(true));
    }
  };
}

/** The active editor's file, when it is one the import reads. */
function activeSource(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && !document.isUntitled && importFormatForFile(document.uri.path) ? document.uri : undefined;
}

async function chooseSource(): Promise<vscode.Uri | undefined> {
  const [chosen] =
    (await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Import'),
      title: vscode.l10n.t('Import Model Card: README.md, Model Card Toolkit JSON or Markdown card'),
      filters: { [vscode.l10n.t('Model cards')]: ['md', 'json', 'markdown'] },
    })) ?? [];
  return chosen;
}

function pickFormat(): Thenable<ImportFormatInfo | undefined> {
  const items = importFormatList.map((format) => ({ label: format.label, description: format.description, format }));
  return vscode.window.showQuickPick(items, { title: vscode.l10n.t('Import Model Card'), placeHolder: vscode.l10n.t('The source is a') }).then((picked) => picked?.format);
}

/** The source's text: the open editor's (unsaved edits included), or the file's. */
async function sourceText(source: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === source.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
}

/** Writes each graphic under a free name beside the card; returns the path the card must use for each. */
async function writeGraphics(folder: vscode.Uri, files: readonly OutputFile[]): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  for (const file of files) {
    const [, stem, extension] = /^(.*?)(\.[^./]+)?$/.exec(file.path)!;
    let path = file.path;
    for (let attempt = 2; (await exists(vscode.Uri.joinPath(folder, ...path.split('/')))) || [...paths.values()].includes(path); attempt++) path = `${stem}-${attempt}${extension ?? ''}`;
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, ...path.split('/')), Uint8Array.from(atob(file.base64 ?? ''), (character) => character.charCodeAt(0)));
    paths.set(file.path, path);
  }
  return paths;
}
