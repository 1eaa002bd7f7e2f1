import * as vscode from 'vscode';
import { catalogueChangedNotification, catalogueRequest, type Catalogue } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { statusIcons, statusLabels } from '../statusBar';
import { childNodes, displayName, findingCounts, kindNodes, type CatalogueNode } from './catalogueTree';

/**
 * The "Model Cards" view of the Explorer: every card, datasheet and system card of the workspace
 * (the server's index), by kind and by review status, with each one's owner and findings; a system
 * card expands into its components. It is read again when the server says the index changed.
 */
export class CatalogueView implements vscode.TreeDataProvider<CatalogueNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private catalogue: Promise<Catalogue | undefined> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    this.subscriptions.push(
      this.changed,
      vscode.window.createTreeView('modelcard.catalogue', { treeDataProvider: this, showCollapseAll: true }),
      ctx.onNotification(catalogueChangedNotification, () => this.refresh()),
    );
  }

  refresh(): void {
    this.catalogue = undefined;
    this.changed.fire(undefined);
  }

  async getChildren(node?: CatalogueNode): Promise<CatalogueNode[]> {
    if (node) return childNodes(node);
    const catalogue = await this.load();
    return catalogue ? kindNodes(catalogue) : [];
  }

  getTreeItem(node: CatalogueNode): vscode.TreeItem {
    switch (node.type) {
      case 'kind': {
        const item = new vscode.TreeItem(`${node.label}s`, vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.documents.length);
        return item;
      }
      case 'status': {
        const item = new vscode.TreeItem(node.status ? statusLabels[node.status] : vscode.l10n.t('No status'), vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon(node.status ? statusIcons[node.status].slice(2, -1) : 'circle-outline');
        item.description = String(node.documents.length);
        return item;
      }
      case 'document': {
        const { document } = node;
        const uri = vscode.Uri.parse(document.uri);
        const item = new vscode.TreeItem(displayName(document), document.components?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.resourceUri = uri;
        item.description = [document.owner, findingCounts(document)].filter(Boolean).join(' · ');
        item.tooltip = `${vscode.workspace.asRelativePath(uri)}${item.description ? `\n${item.description}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(document.errors > 0 ? 'error' : document.warnings > 0 ? 'warning' : 'pass');
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
        item.contextValue = 'modelcard.document';
        return item;
      }
      case 'component': {
        const { component } = node;
        const item = new vscode.TreeItem(component.id, vscode.TreeItemCollapsibleState.None);
        item.description = component.kind;
        item.iconPath = new vscode.ThemeIcon('symbol-module');
        if (component.uri) {
          const uri = vscode.Uri.parse(component.uri);
          item.resourceUri = uri;
          item.tooltip = vscode.workspace.asRelativePath(uri);
          item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
          item.contextValue = 'modelcard.document';
        }
        return item;
      }
    }
  }

  /** The catalogue, asked of the server once per change; nothing while the server is not running (it says when its index is ready). */
  private load(): Promise<Catalogue | undefined> {
    if (!this.ctx.isRunning()) return Promise.resolve(undefined);
    this.catalogue ??= this.ctx.request(catalogueRequest, null).catch((error: unknown) => {
      this.ctx.outputChannel.error('The catalogue could not be read', error);
      return undefined;
    });
    return this.catalogue;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** Open Preview from the catalogue's context menu: the preview of the document (or component's document) clicked. */
export function previewFromCatalogue(node: CatalogueNode | undefined): void {
  const uri = node?.type === 'document' ? node.document.uri : node?.type === 'component' ? node.component.uri : undefined;
  if (uri) void vscode.commands.executeCommand('modelcard.showPreview', vscode.Uri.parse(uri));
}
