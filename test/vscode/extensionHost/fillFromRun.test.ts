import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openCard, waitFor, waitForDiagnostics, workspaceFile } from './helpers';

/** The run of the workspace's mlruns store (test/vscode/harness/testWorkspace.ts writes it). */
const fillRunId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('Fill from Experiment Run…', () => {
  it('fills the card from a run of the workspace’s mlruns store as one undoable edit, and the save verifies it', async () => {
    const editor = await openCard('churn.modelcard.yaml');
    const document = editor.document;
    const original = document.getText();
    await vscode.commands.executeCommand('modelcard.fillFromRun', {
      tracker: 'mlflow',
      store: workspaceFile('mlruns').fsPath,
      runId: fillRunId,
      metrics: 'accuracy',
      params: '',
      preview: false,
    });
    const filled = await waitFor(() => (document.getText().includes('source:') ? document.getText() : undefined), 'the filled card', 30_000, vscode.workspace.onDidChangeTextDocument);
    assert.equal(
      filled,
      `name: churn-model
metrics:
  - name: accuracy
    value: 0.91
    source: {tracker: mlflow, store: mlruns, run: ${fillRunId}, key: accuracy}
# Numbers come from MLflow.
limitations: Trained on 2023 data only
provenance:
  tracker: mlflow
  store: mlruns
  run: ${fillRunId}
  experiment: churn
`,
    );

    // The saved card is verified against the run: a changed value is reported.
    const value = filled.indexOf('0.91');
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(value), document.positionAt(value + '0.91'.length)), '0.93'));
    await document.save();
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'MC061'));
    assert.deepEqual(
      diagnostics.filter((diagnostic) => codeOf(diagnostic) === 'MC061').map((diagnostic) => diagnostic.message),
      [`card says 0.93, run a1b2c3d4 says 0.91 (metric accuracy)`],
    );

    // The fill was one edit: two undos (the value, then the fill) give the card back.
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => (document.getText() === original ? true : undefined), 'the card as it was', 10_000, vscode.workspace.onDidChangeTextDocument);
  });
});
