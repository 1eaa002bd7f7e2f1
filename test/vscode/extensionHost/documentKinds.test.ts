import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import minimalDatasheet from '../../../templates/minimal.datasheet.yaml';
import { fillTemplate } from '../../../server/src/service/templates/cardFile';
import { completeDatasheet, completeSystemCard } from '../../helpers/kindDocuments';
import { codeOf, hasCode, waitFor, waitForDiagnostics, workspaceFile } from './helpers';

/** Writes a file into the workspace folder and opens it in an editor. */
async function openNewFile(fileName: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(fileName);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

describe('datasheets and system cards', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('a datasheet opens in its language and shows its missing section (MC100) on its name', async () => {
    const text = completeDatasheet.replace(/collection_process:\n {2}acquisition: .*\n/, '');
    const { document } = await openNewFile('faces.datasheet.yaml', text);
    assert.equal(document.languageId, 'datasheet');
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('MC100'));
    assert.deepEqual(
      diagnostics.map((diagnostic) => [codeOf(diagnostic), diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character]),
      [['MC100', 0, 0, 4]],
    );
    assert.match(diagnostics[0].message, /no `collection_process`/);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  it('a datasheet opens in the preview', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('faces.datasheet.yaml')), vscode.ViewColumn.One);
    await vscode.commands.executeCommand('modelcard.showPreviewToSide');
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === 'Preview faces.datasheet.yaml'),
      'a preview tab of the datasheet',
      30_000,
      vscode.window.tabGroups.onDidChangeTabs,
    );
  });

  it('a system card opens in its language and shows an edge to an unknown component (MC111) on the id', async () => {
    // Without its links to model cards, which the workspace would check.
    const text = completeSystemCard.replace('    to: generator\n', '    to: generatr\n').replace(/ {4}card: .*\n/g, '');
    const { document } = await openNewFile('assistant.systemcard.yaml', text);
    assert.equal(document.languageId, 'systemcard');
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('MC111'));
    assert.deepEqual(diagnostics.map((diagnostic) => [codeOf(diagnostic), document.getText(diagnostic.range)]), [['MC111', 'generatr']]);
  });

  it('New… with the datasheet kind writes the datasheet from its template beside the others, opens it and it gets checked', async () => {
    const folder = workspaceFile('');
    await vscode.commands.executeCommand('modelcard.newCard', { kind: 'datasheet', template: 'minimal', name: 'Faces in the Wild', folder });

    const datasheet = vscode.Uri.joinPath(folder, 'faces-in-the-wild.datasheet.yaml');
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(datasheet));
    assert.equal(written, fillTemplate(minimalDatasheet, 'Faces in the Wild', written.includes('\r\n') ? '\r\n' : '\n'));
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === datasheet.toString() ? vscode.window.activeTextEditor : undefined), 'the new datasheet in the editor', 30_000, vscode.window.onDidChangeActiveTextEditor);
    assert.equal(editor.document.languageId, 'datasheet');
    // Its placeholders are flagged; the template itself has no errors.
    const diagnostics = await waitForDiagnostics(datasheet, hasCode('MC030'));
    assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error), []);
  });
});
