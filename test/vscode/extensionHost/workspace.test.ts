import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, hasCode, waitFor, waitForDiagnostics, workspaceFile } from './helpers';

// The fixture workspace holds rag/: a system card linking three model cards and a datasheet, one
// link broken (test/helpers/ragWorkspace.ts, brokenRagWorkspace).
describe('the workspace of linked documents', () => {
  it('shows the broken link of a system card that is not open in the Problems panel', async () => {
    const system = workspaceFile('rag/assistant.systemcard.yaml');
    const diagnostics = await waitForDiagnostics(system, hasCode('MC120'));
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === system.toString()), 'the system card is not open');
    const broken = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'MC120');
    assert.deepEqual(broken?.range, new vscode.Range(10, 10, 10, 39));
    assert.equal(broken?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(broken?.message, "`models/embeder.modelcard.yaml` does not exist: no file at this path relative to this document's folder.");
  });

  it('goes to the document a link leads to', async () => {
    const card = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('rag/models/generator.modelcard.yaml')));
    const datasheet = workspaceFile('rag/data/support-articles.datasheet.yaml');
    const onLink = new vscode.Position(8, 25);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', card.document.uri, onLink);
    assert.deepEqual(locations.map((location) => ('targetUri' in location ? location.targetUri : location.uri).toString()), [datasheet.toString()]);
    card.selection = new vscode.Selection(onLink, onLink);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === datasheet.toString() ? true : undefined), 'the datasheet in the editor', 30_000, vscode.window.onDidChangeActiveTextEditor);
  });
});
