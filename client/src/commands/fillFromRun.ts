import * as vscode from 'vscode';
import { fillEditsRequest, listRunsRequest, type FillOutcome, type FillSelection, type StoreParams } from '../../../server/src/protocol';
import { cardForCommand } from '../activeCard';
import type { Ctx } from '../ctx';
import { runPickItem, storeMarkers, storesOfMarkers, trackerOfPath } from '../trackers/storeLocations';

/** What tests (and other extensions) may pass to skip the pickers. */
export interface FillFromRunArgs extends StoreParams, FillSelection {
  runId: string;
  /** Show the refactoring preview before applying (default true). */
  preview?: boolean;
}

/**
 * Fill from Experiment Run…: finds the MLflow and W&B stores of the workspace (or asks for one),
 * lists a store's runs newest first, asks which metrics to add, and applies the fill as one
 * undoable edit after the refactoring preview.
 */
export function fillFromRun(ctx: Ctx): (args?: FillFromRunArgs) => Promise<void> {
  return async (args) => {
    const card = cardForCommand({ modelCardsOnly: true });
    if (!card) return;
    if (card.uri.scheme !== 'file') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Save the card to a file first: the card names its store relative to itself.'));
      return;
    }
    const store = args ?? (await pickStore());
    if (!store) return;
    const run = args ? { runId: args.runId, metrics: args.metrics } : await pickRunAndMetrics(ctx, store, card);
    if (!run) return;
    const selection: FillSelection = { ...(args ?? {}), ...(run.metrics !== undefined ? { metrics: run.metrics } : {}) };
    await fill(ctx, card, { ...store, runId: run.runId, selection, preview: args?.preview ?? true });
  };
}

async function pickStore(): Promise<StoreParams | undefined> {
  const found = await Promise.all(storeMarkers.map((marker) => vscode.workspace.findFiles(marker, '**/node_modules/**', 100)));
  const stores = storesOfMarkers(found.flat().map((uri) => uri.fsPath.split('\\').join('/')));
  const browse: vscode.QuickPickItem & { store?: StoreParams } = { label: `$(folder-opened) ${vscode.l10n.t('Browse…')}`, description: vscode.l10n.t('mlflow.db, an mlruns folder, or a wandb folder') };
  const items: (vscode.QuickPickItem & { store?: StoreParams })[] = [
    ...stores.map((store) => ({ label: `$(database) ${vscode.workspace.asRelativePath(store.store)}`, description: store.tracker === 'mlflow' ? 'MLflow' : 'Weights & Biases', store })),
    browse,
  ];
  const picked = stores.length === 0 ? browse : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Fill from Experiment Run'), placeHolder: vscode.l10n.t('The tracker store to read') });
  if (!picked) return undefined;
  if (picked.store) return picked.store;
  const [chosen] =
    (await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectFolders: true, canSelectMany: false, title: vscode.l10n.t('An MLflow store (mlflow.db, mlruns) or a W&B folder') })) ?? [];
  if (!chosen) return undefined;
  const isFolder = (await vscode.workspace.fs.stat(chosen)).type === vscode.FileType.Directory;
  return { tracker: trackerOfPath(chosen.fsPath, isFolder), store: chosen.fsPath };
}

async function pickRunAndMetrics(ctx: Ctx, store: StoreParams, card: vscode.TextDocument): Promise<{ runId: string; metrics: string } | undefined> {
  const list = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading runs…') }, () => ctx.request(listRunsRequest, store));
  if (list.error) throw new Error(list.error);
  if (list.runs.length === 0) throw new Error(vscode.l10n.t('{0} has no runs.', vscode.workspace.asRelativePath(store.store)));
  const run = await vscode.window.showQuickPick(
    list.runs.map((item) => ({ ...runPickItem(item), run: item })),
    { title: vscode.l10n.t('Fill from Experiment Run'), placeHolder: vscode.l10n.t('The run to fill the card from (newest first)'), matchOnDescription: true, matchOnDetail: true },
  );
  if (!run) return undefined;
  // A card with no bound results yet takes every metric by default; later fills update the bound ones.
  const firstFill = !/^\s*source:/m.test(card.getText());
  const metrics = await vscode.window.showQuickPick(
    run.run.metrics.map(([key, value]) => ({ label: key, description: value, picked: firstFill })),
    { title: vscode.l10n.t('Metrics to add'), placeHolder: vscode.l10n.t('Results bound to this store are updated anyway'), canPickMany: true },
  );
  if (!metrics) return undefined;
  return { runId: run.run.id, metrics: metrics.map((metric) => metric.label.replace(/,/g, '?')).join(',') };
}

async function fill(ctx: Ctx, card: vscode.TextDocument, request: StoreParams & { runId: string; selection: FillSelection; preview: boolean }): Promise<void> {
  const outcome = await ctx.request(fillEditsRequest, { ...ctx.cardParams(card), tracker: request.tracker, store: request.store, runId: request.runId, selection: request.selection });
  if (!outcome) throw new Error(vscode.l10n.t('The Model Card server does not have {0} open; try again.', vscode.workspace.asRelativePath(card.uri)));
  if (outcome.refused) {
    const retry = await askAfterRefusal(outcome.refused);
    if (retry) await fill(ctx, card, { ...request, selection: { ...request.selection, ...retry } });
    return;
  }
  for (const notice of outcome.notices) ctx.outputChannel.info(`Fill from run ${request.runId}: ${notice}`);
  if (outcome.edits.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The card already states what run {0} says.', request.runId.slice(0, 8)));
    return;
  }
  if (await applyFill(ctx, card, outcome, request)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Filled from run {0}: {1}', request.runId.slice(0, 8), outcome.changes.join('; ')));
  }
}

/** A refused fill that would leak local paths can go on without the parameters, or with them as they are. */
async function askAfterRefusal(refused: string): Promise<Partial<FillSelection> | undefined> {
  if (!refused.startsWith('The fill would write local paths')) {
    void vscode.window.showWarningMessage(refused);
    return undefined;
  }
  const leaveOut = vscode.l10n.t('Leave the Parameters Out');
  const writeAnyway = vscode.l10n.t('Write Them Anyway');
  const answer = await vscode.window.showWarningMessage(refused, { modal: true }, leaveOut, writeAnyway);
  return answer === leaveOut ? { params: '' } : answer === writeAnyway ? { allowLocalPaths: true } : undefined;
}

/** One undoable edit; with `preview`, VS Code shows it as a refactoring to confirm first. */
async function applyFill(ctx: Ctx, card: vscode.TextDocument, outcome: FillOutcome, request: { runId: string; preview: boolean }): Promise<boolean> {
  const edits = await ctx.asTextEdits(outcome.edits);
  if (card.version !== outcome.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The card changed while the fill was prepared; run the command again.'));
    return false;
  }
  const metadata: vscode.WorkspaceEditEntryMetadata = {
    needsConfirmation: request.preview,
    label: vscode.l10n.t('Fill from run {0}', request.runId.slice(0, 8)),
    description: outcome.changes.join('; '),
  };
  const edit = new vscode.WorkspaceEdit();
  for (const textEdit of edits ?? []) edit.replace(card.uri, textEdit.range, textEdit.newText, metadata);
  return vscode.workspace.applyEdit(edit, { isRefactoring: true });
}
