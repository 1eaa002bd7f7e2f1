import * as vscode from 'vscode';
import { isKindDocument } from '../activeCard';
import type { Ctx } from '../ctx';
import { audiences, type Audience } from '../../../server/src/protocol';
import type { PreviewState } from './messages';
import { CardPreview, previewViewType, webviewOptions, type PreviewTarget } from './preview';
import { TopLineMonitor, topLine } from './scrollSync';

/**
 * The open previews. A preview that is not locked follows the active card editor (Open Preview
 * reuses it); a locked one keeps its card. Previews are restored after a reload from the state
 * their page saved (`vscode.setState`), as VS Code's Markdown preview does.
 */
export class PreviewManager implements vscode.WebviewPanelSerializer<PreviewState>, vscode.Disposable {
  private readonly previews = new Set<CardPreview>();
  /** The preview last focused: the one the preview's title-bar commands act on. */
  private activePreview: CardPreview | undefined;
  private readonly topLines = new TopLineMonitor();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly ctx: Ctx) {
    this.subscriptions = [
      vscode.window.registerWebviewPanelSerializer(previewViewType, this),
      this.topLines.onDidChange(({ card, line }) => {
        for (const preview of this.previews) if (preview.isPreviewOf(card)) preview.scrollToLine(line);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isKindDocument(editor.document)) return;
        for (const preview of this.previews) if (!preview.isLocked) preview.setCard(editor.document.uri, topLine(editor));
      }),
    ];
  }

  /** Shows the card in the preview that follows the active editor, opening one beside the editor or in its place. */
  showPreview(card: vscode.Uri, { toSide }: { toSide: boolean }): void {
    const editor = vscode.window.activeTextEditor?.document.uri.toString() === card.toString() ? vscode.window.activeTextEditor : undefined;
    const line = editor && topLine(editor);
    const following = [...this.previews].find((preview) => !preview.isLocked);
    if (following) {
      following.setCard(card, line);
      following.reveal(toSide);
      return;
    }
    const sourceColumn = editor?.viewColumn ?? vscode.ViewColumn.One;
    // To the side, the editor keeps the focus, so that typing goes on while the preview follows.
    const panel = vscode.window.createWebviewPanel(
      previewViewType,
      '',
      { viewColumn: toSide ? vscode.ViewColumn.Beside : sourceColumn, preserveFocus: toSide },
      { ...webviewOptions(this.ctx.extensionContext.extensionUri, card), enableFindWidget: true },
    );
    this.add(panel, { card, locked: false, line, sourceColumn });
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    if (typeof state?.uri !== 'string') {
      panel.dispose();
      return;
    }
    const audience = audiences.includes(state.audience as Audience) ? state.audience : undefined;
    this.add(panel, { card: vscode.Uri.parse(state.uri), locked: state.locked === true, line: state.line, sourceColumn: vscode.ViewColumn.One, audience });
  }

  hasPreviews(): boolean {
    return this.previews.size > 0;
  }

  toggleLock(): void {
    this.activePreview?.toggleLock();
  }

  async showSource(): Promise<void> {
    await this.activePreview?.showSource();
  }

  private add(panel: vscode.WebviewPanel, target: PreviewTarget): void {
    const preview = new CardPreview(this.ctx, panel, target);
    this.previews.add(preview);
    if (panel.active) this.activePreview = preview;
    const focus = panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) this.activePreview = preview;
    });
    preview.onDidDispose(() => {
      focus.dispose();
      this.previews.delete(preview);
      if (this.activePreview === preview) this.activePreview = undefined;
    });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const preview of [...this.previews]) preview.dispose();
    this.topLines.dispose();
  }
}
