import * as vscode from 'vscode';
import { documentFor, renderRequest, settingsSection, type Audience, type PreviewAudience, type RenderedCard } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { createNonce } from './contentSecurityPolicy';
import type { FromPage, PreviewState, ToPage } from './messages';
import { messageBody, previewPageHtml } from './previewPage';
import { linkTarget } from './linkTarget';
import { RenderLoop, type CardVersion } from './renderLoop';
import { ScrollEchoGuard } from './scrollEcho';
import { editorsOf, revealLineAtTop, showLineInEditor } from './scrollSync';

/** The preview's webview type: package.json's `onWebviewPanel:` activation event names it. */
export const previewViewType = 'modelcard.preview';

export interface PreviewTarget {
  card: vscode.Uri;
  locked: boolean;
  /** The card line to show at the top, if known. */
  line?: number;
  /** Where the card's editor opens when the preview is asked to show a line and no editor shows the card. */
  sourceColumn: vscode.ViewColumn;
  /** The audience picked in the page's toolbar, if one was (restored with the preview). */
  audience?: Audience;
}

/**
 * Only our bundled script runs; the page loads nothing but the extension's dist/ and media/ files
 * and, for the cards' figures (`graphics`), files in the workspace folders and beside the card.
 */
export function webviewOptions(extensionUri: vscode.Uri, card?: vscode.Uri): vscode.WebviewOptions {
  const cardFolders = [...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri), ...(card ? [vscode.Uri.joinPath(card, '..')] : [])];
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media'), ...cardFolders],
  };
}

/**
 * One preview panel: it renders its card through the server (`modelcard/render`), builds the page
 * once per card and then sends new renderings for the page to patch in place, and syncs scrolling
 * with the card's editors. The page script (client/preview-src/) only patches, scrolls and posts clicks.
 */
export class CardPreview implements vscode.Disposable {
  private card: vscode.Uri;
  private locked: boolean;
  private line: number | undefined;
  private readonly sourceColumn: vscode.ViewColumn;
  /** The audience picked in the toolbar; until one is, the `modelcard.preview.audience` setting decides. */
  private chosenAudience: Audience | undefined;
  private readonly renderLoop: RenderLoop<RenderedCard>;
  private readonly echo = new ScrollEchoGuard();
  /** Whether the next rendering needs a new page (the first one, or another card's). */
  private needsPage = true;
  /** Whether the page's script listens: it says so once loaded. */
  private pageReady = false;
  /**
   * The body the page was built with, and the latest rendering. VS Code discards the page of a
   * hidden panel and loads it again from the HTML it was built with when the panel shows: then the
   * page is sent the latest rendering.
   */
  private pageBody: string | undefined;
  private latestBody: string | undefined;
  /** The audience of the latest rendering: the toolbar shows it pressed. */
  private shownAudience: Audience = 'technical';
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private isDisposed = false;

  constructor(
    private readonly ctx: Ctx,
    readonly panel: vscode.WebviewPanel,
    target: PreviewTarget,
  ) {
    this.card = target.card;
    this.locked = target.locked;
    this.line = target.line;
    this.sourceColumn = target.sourceColumn;
    this.chosenAudience = target.audience;
    panel.webview.options = webviewOptions(ctx.extensionContext.extensionUri, target.card);
    panel.iconPath = vscode.Uri.joinPath(ctx.extensionContext.extensionUri, 'media', 'modelcard-file.svg');
    this.renderLoop = new RenderLoop<RenderedCard>({
      current: () => this.currentVersion(),
      render: (version) => this.render(version),
      show: (rendering) => {
        this.show(rendering.html, documentFor(rendering.audience));
        // A large card the server has not finished: ask again, throttled, until the rendering is whole.
        if (rendering.incomplete) this.renderLoop.invalidate();
      },
      onError: (error) => this.renderFailed(error),
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromPage) => this.onPageMessage(message)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (this.isPreviewOf(document.uri) && contentChanges.length > 0) this.renderLoop.refresh();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (this.isPreviewOf(document.uri)) this.renderLoop.refresh();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(settingsSection, this.card)) this.renderLoop.invalidate();
      }),
      ctx.onDidChangeState(() => {
        if (ctx.isRunning()) this.renderLoop.invalidate();
      }),
    );
    this.updateTitle();
    void this.openCard();
  }

  get isLocked(): boolean {
    return this.locked;
  }

  isPreviewOf(card: vscode.Uri): boolean {
    return card.toString() === this.card.toString();
  }

  /** Shows another card (a preview that is not locked follows the active editor). */
  setCard(card: vscode.Uri, line: number | undefined): void {
    if (this.isPreviewOf(card)) return;
    this.card = card;
    this.line = line;
    this.needsPage = true;
    this.latestBody = undefined;
    this.updateTitle();
    void this.openCard();
  }

  toggleLock(): void {
    this.locked = !this.locked;
    this.updateTitle();
    this.post({ type: 'setLocked', locked: this.locked });
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(this.panel.viewColumn, preserveFocus);
  }

  /** The card's editor scrolled to `line`: the page follows, unless the scroll is the echo of the page's own. */
  scrollToLine(line: number): void {
    if (this.echo.isEcho()) return;
    this.line = line;
    this.post({ type: 'scrollToLine', line });
  }

  /** Show Source: the card in an editor, at the line the preview shows. */
  showSource(): Promise<void> {
    return showLineInEditor(this.card, this.line ?? 0, this.sourceColumn);
  }

  private state(): PreviewState {
    return { uri: this.card.toString(), line: this.line ?? 0, locked: this.locked, ...(this.chosenAudience ? { audience: this.chosenAudience } : {}) };
  }

  /** The audience to render for: the toolbar's pick, else the setting (which may be an earlier name, such as reviewer). */
  private audienceFor(card: vscode.Uri): PreviewAudience {
    return this.chosenAudience ?? vscode.workspace.getConfiguration(settingsSection, card).get<PreviewAudience>('preview.audience', 'technical');
  }

  private updateTitle(): void {
    const fileName = this.card.path.split('/').pop() ?? this.card.toString();
    this.panel.title = this.locked ? vscode.l10n.t('[Preview] {0}', fileName) : vscode.l10n.t('Preview {0}', fileName);
  }

  /** Opens the card's document if VS Code has not (a preview restored after a reload), then renders it at once. */
  private async openCard(): Promise<void> {
    const card = this.card;
    if (!this.document()) {
      try {
        await vscode.workspace.openTextDocument(card);
      } catch (error) {
        if (this.isPreviewOf(card)) this.showPage(messageBody(vscode.l10n.t('The card {0} cannot be opened: {1}', vscode.workspace.asRelativePath(card), messageOf(error))));
        return;
      }
    }
    if (this.isPreviewOf(card) && !this.isDisposed) this.renderLoop.renderNow();
  }

  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((document) => this.isPreviewOf(document.uri));
  }

  private currentVersion(): CardVersion | undefined {
    const document = this.document();
    return document && { uri: document.uri.toString(), version: document.version };
  }

  private async render(version: CardVersion): Promise<RenderedCard | undefined> {
    const document = this.document();
    if (!document || document.uri.toString() !== version.uri) return undefined;
    const audience = this.audienceFor(document.uri);
    const graphicsBase = this.panel.webview.asWebviewUri(vscode.Uri.joinPath(document.uri, '..')).toString();
    return (await this.ctx.request(renderRequest, { ...this.ctx.cardParams(document), audience, graphicsBase })) ?? undefined;
  }

  private show(body: string, audience: Audience): void {
    this.latestBody = body;
    this.shownAudience = audience;
    if (this.needsPage) {
      this.needsPage = false;
      this.showPage(body);
    } else {
      this.post({ type: 'update', html: body });
      this.post({ type: 'setAudience', audience });
    }
  }

  /** A new page, with a fresh nonce: for the first rendering of a card, or a message. */
  private showPage(body: string): void {
    const { webview } = this.panel;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.ctx.extensionContext.extensionUri, ...path)).toString();
    this.pageReady = false;
    this.pageBody = body;
    webview.html = previewPageHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('dist', 'preview.js'),
      styleUri: asset('media', 'preview.css'),
      title: this.panel.title,
      state: this.state(),
      body,
      audience: this.shownAudience,
    });
  }

  private renderFailed(error: unknown): void {
    this.ctx.outputChannel.error(`The preview of ${this.card.toString()} could not be rendered`, error);
    if (this.latestBody === undefined) this.showPage(messageBody(vscode.l10n.t('The preview could not be rendered: {0}', messageOf(error))));
  }

  private onPageMessage(message: FromPage): void {
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        // A page reloaded (after being hidden) shows the body it was built with: bring it up to date.
        if (this.latestBody !== undefined && this.latestBody !== this.pageBody) this.post({ type: 'update', html: this.latestBody });
        break;
      case 'revealLine':
        this.line = message.line;
        for (const editor of editorsOf(this.card)) {
          this.echo.expectEcho();
          revealLineAtTop(editor, message.line);
        }
        break;
      case 'chooseAudience':
        this.chosenAudience = message.audience;
        this.renderLoop.renderNow();
        break;
      case 'showLine':
        showLineInEditor(this.card, message.line, this.sourceColumn).catch((error: unknown) => this.ctx.outputChannel.error(`Cannot show line ${message.line + 1} of ${this.card.toString()}`, error));
        break;
      case 'openLink':
        this.openLink(message.href);
        break;
    }
  }

  /** Opens a link of the card: web pages and e-mail with the system's opener, relative paths in VS Code; others not at all. */
  private openLink(href: string): void {
    const target = linkTarget(this.card.toString(), href);
    if (!target) return;
    const uri = vscode.Uri.parse(target.uri);
    const opened = target.kind === 'external' ? vscode.env.openExternal(uri) : vscode.commands.executeCommand('vscode.open', uri);
    Promise.resolve(opened).catch((error: unknown) => this.ctx.outputChannel.error(`Cannot open ${href}`, error));
  }

  private post(message: ToPage): void {
    if (this.pageReady) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.renderLoop.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.disposed.fire();
    this.disposed.dispose();
    this.panel.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
