import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import minimalTemplate from '../../../templates/minimal.modelcard.yaml';
import { hasCode, waitForDiagnostics, workspaceFile } from './helpers';

describe('New Model Card', () => {
  it('writes the card from the chosen template with the model name, opens it, and it gets checked', async () => {
    const folder = workspaceFile('');
    await vscode.commands.executeCommand('modelcard.newCard', { template: 'minimal', name: 'Smile Detector v2', folder });

    const card = vscode.Uri.joinPath(folder, 'smile-detector-v2.modelcard.yaml');
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(card));
    assert.equal(written, minimalTemplate.replace('${name}', 'Smile Detector v2'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), card.toString());
    // Placeholders left to fill in are flagged; the template itself has no errors.
    const diagnostics = await waitForDiagnostics(card, hasCode('MC030'));
    assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error), []);
  });

  it("offers the organisation's templates of the policy above the folder, by their org: id", async () => {
    const team = workspaceFile('org-templates-team');
    const template = '# Ward triage model\nname: ${name}\nlicense: mit\n';
    const encode = (text: string) => new TextEncoder().encode(text);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(team, '.modelcard-policy.yaml'), encode('policy_version: 1\norganisation: Northwind Health\ntemplates: templates/\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(team, 'templates', 'ward-triage.modelcard.yaml'), encode(template));
    try {
      const folder = vscode.Uri.joinPath(team, 'models');
      await vscode.commands.executeCommand('modelcard.newCard', { template: 'org:ward-triage', name: 'Chest: Triage', folder });
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'chest-triage.modelcard.yaml')));
      assert.equal(written, template.replace('${name}', "'Chest: Triage'"));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(team, { recursive: true });
    }
  });
});
