import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceFile } from './helpers';

/** The tabs of model card previews (VS Code prefixes the webview type: `mainThreadWebview-modelcard.preview`). */
function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('modelcard.preview'));
}

/** Waits until the only preview tab has the label `label`. */
function waitForPreviewTab(label: string): Promise<vscode.Tab> {
  return waitFor(
    () => {
      const tabs = previewTabs();
      return tabs.length === 1 && tabs[0].label === label ? tabs[0] : undefined;
    },
    `one preview tab labelled "${label}" (tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label)))})`,
    30_000,
    vscode.window.tabGroups.onDidChangeTabs,
  );
}

/** Opens a card of the workspace in the first editor column, whichever group has the focus. */
async function openCardInFirstColumn(fileName: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(fileName)), vscode.ViewColumn.One);
}

describe('the preview', () => {
  before(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens beside the card with Open Preview to the Side, leaving the focus in the editor', async () => {
    const editor = await openCardInFirstColumn('seed.modelcard.yaml');
    await vscode.commands.executeCommand('modelcard.showPreviewToSide');
    const tab = await waitForPreviewTab('Preview seed.modelcard.yaml');
    assert.equal(tab.group.viewColumn, vscode.ViewColumn.Two);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
  });

  it('follows the active card, and Open Preview reuses it', async () => {
    await openCardInFirstColumn('typical-mistakes.modelcard.yaml');
    await waitForPreviewTab('Preview typical-mistakes.modelcard.yaml');
    await openCardInFirstColumn('seed.modelcard.yaml');
    await vscode.commands.executeCommand('modelcard.showPreviewToSide');
    const tab = await waitForPreviewTab('Preview seed.modelcard.yaml');
    assert.equal(tab.group.viewColumn, vscode.ViewColumn.Two);
  });

  it('keeps its card once locked ([Preview] in its title), and follows again once unlocked', async () => {
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    await waitFor(() => previewTabs().find((tab) => tab.isActive && tab.group.isActive), 'the preview to have the focus', 30_000, vscode.window.tabGroups.onDidChangeTabGroups);
    await vscode.commands.executeCommand('modelcard.preview.toggleLock');
    await waitForPreviewTab('[Preview] seed.modelcard.yaml');
    await openCardInFirstColumn('missing-limitations.modelcard.yaml');
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    await vscode.commands.executeCommand('modelcard.preview.toggleLock');
    await waitForPreviewTab('Preview seed.modelcard.yaml');
    await openCardInFirstColumn('typical-mistakes.modelcard.yaml');
    await waitForPreviewTab('Preview typical-mistakes.modelcard.yaml');
  });

  it('shows its card’s source from the preview', async () => {
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    await waitFor(() => (vscode.window.activeTextEditor ? undefined : true), 'the preview to have the focus', 30_000, vscode.window.onDidChangeActiveTextEditor);
    await vscode.commands.executeCommand('modelcard.showSource');
    const editor = await waitFor(() => vscode.window.activeTextEditor, 'an editor of the previewed card', 30_000, vscode.window.onDidChangeActiveTextEditor);
    assert.equal(editor.document.uri.toString(), workspaceFile('typical-mistakes.modelcard.yaml').toString());
    assert.equal(editor.viewColumn, vscode.ViewColumn.One);
  });
});
