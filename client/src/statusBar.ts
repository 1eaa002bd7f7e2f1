import * as vscode from 'vscode';
import { cardSummaryRequest, type CardSummary, type GovernanceStatus } from '../../server/src/protocol';
import { activeCard } from './activeCard';
import type { Ctx } from './ctx';

export const statusLabels: Record<GovernanceStatus, string> = {
  draft: vscode.l10n.t('Draft'),
  in_review: vscode.l10n.t('In review'),
  approved: vscode.l10n.t('Approved'),
  published: vscode.l10n.t('Published'),
  archived: vscode.l10n.t('Archived'),
};

export const statusIcons: Record<GovernanceStatus, string> = {
  draft: '$(edit)',
  in_review: '$(eye)',
  approved: '$(pass)',
  published: '$(globe)',
  archived: '$(archive)',
};

/**
 * The status bar item of the active card: its review status (from the server's parse) and its
 * errors and warnings (from the Problems view, which a click opens).
 */
export class CardStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('modelcard.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];
  /** Counts refreshes, so that an answer to an older one never overwrites a newer one. */
  private refreshes = 0;

  constructor(private readonly ctx: Ctx) {
    this.item.name = vscode.l10n.t('Model Card Status');
    this.item.command = 'workbench.actions.view.problems';
    const refresh = () => void this.refresh();
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(refresh),
      // A document whose language mode changes is closed and opened again.
      vscode.workspace.onDidOpenTextDocument(refresh),
      vscode.languages.onDidChangeDiagnostics(({ uris }) => {
        const card = activeCard();
        if (card && uris.some((uri) => uri.toString() === card.uri.toString())) refresh();
      }),
      ctx.onDidChangeState(refresh),
    ];
    refresh();
  }

  private async refresh(): Promise<void> {
    const refresh = ++this.refreshes;
    const card = activeCard();
    if (!card) {
      this.item.hide();
      return;
    }
    const summary = await this.summaryOf(card);
    if (refresh !== this.refreshes) return;
    const { errors, warnings } = findingCounts(vscode.languages.getDiagnostics(card.uri));
    const status = summary?.status;
    const findings = errors + warnings === 0 ? '$(check)' : `$(error) ${errors} $(warning) ${warnings}`;
    this.item.text = `${status ? statusIcons[status] : '$(circle-outline)'} ${status ? statusLabels[status] : vscode.l10n.t('No status')}  ${findings}`;
    this.item.tooltip = vscode.l10n.t(
      '{0}: review status {1}; {2} errors and {3} warnings. Click to open the Problems view.',
      summary?.name ?? vscode.workspace.asRelativePath(card.uri),
      status ? statusLabels[status] : vscode.l10n.t('not set (governance.status)'),
      errors,
      warnings,
    );
    this.item.show();
  }

  /** The card's summary, or undefined while the server is not running or does not answer. */
  private async summaryOf(card: vscode.TextDocument): Promise<CardSummary | undefined> {
    if (!this.ctx.isRunning()) return undefined;
    try {
      return (await this.ctx.request(cardSummaryRequest, this.ctx.cardParams(card))) ?? undefined;
    } catch (error) {
      // The server stopped or restarted while it was asked; its next state change refreshes again.
      this.ctx.outputChannel.debug(`card summary failed: ${String(error)}`);
      return undefined;
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

function findingCounts(diagnostics: readonly vscode.Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error).length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Warning).length,
  };
}
