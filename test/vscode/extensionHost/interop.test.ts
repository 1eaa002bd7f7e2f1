import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import speechCard from '../../../examples/speech-recognition.modelcard.yaml';
import { codeOf, hasCode, waitFor, waitForDiagnostics, workspaceFile } from './helpers';

/** The example README with deliberate metadata mistakes; this file runs bundled in out/vscode-tests, two levels below the repository. */
const hubReadme = readFileSync(path.resolve(__dirname, '../../examples/hub-readme/README.md'), 'utf8');
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

describe('Export… and Import Model Card…', () => {
  it('Export… writes the card as Model Card Toolkit JSON beside it, and the loss report goes to the output channel', async () => {
    const card = workspaceFile('export/speech.modelcard.yaml');
    await write(card, speechCard);
    await vscode.window.showTextDocument(card);
    await vscode.commands.executeCommand('modelcard.export', { format: 'mct' });
    const exported = JSON.parse(await read(workspaceFile('export/speech.mct.json')));
    assert.equal(exported.schema_version, '0.0.2');
    assert.equal(exported.model_details.name, 'Speech Recognizer');
    assert.equal(exported.quantitative_analysis.performance_metrics.length, 7);
  });

  it('Export… to Hugging Face writes README.md, and a second export asks before replacing it', async () => {
    const card = workspaceFile('export-hf/speech.modelcard.yaml');
    await write(card, speechCard);
    await vscode.window.showTextDocument(card);
    await vscode.commands.executeCommand('modelcard.export', { format: 'hf', evalResults: true });
    const readme = workspaceFile('export-hf/README.md');
    assert.ok((await read(readme)).startsWith('---\nlicense: apache-2.0\n'));
    assert.ok((await read(workspaceFile('export-hf/.eval_results/librispeech-asr.yaml'))).includes('task_id: clean'));
  });

  it('Import Model Card… turns a README.md into a card beside it, opens it, and never replaces a card (-2)', async () => {
    const source = workspaceFile('import/README.md');
    await write(source, hubReadme);
    await vscode.commands.executeCommand('modelcard.importCard', { source, format: 'hf' });
    const card = workspaceFile('import/review-sentiment.modelcard.yaml');
    await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === card.toString() ? true : undefined), 'the imported card in the editor', 30_000, vscode.window.onDidChangeActiveTextEditor);
    assert.match(await read(card), /^# Imported from README\.md \(Hugging Face README\.md\)/);
    const diagnostics = await waitForDiagnostics(card, (published) => published.length > 0);
    assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error).map(codeOf), []);
    await vscode.commands.executeCommand('modelcard.importCard', vscode.Uri.joinPath(source));
    assert.equal(await read(workspaceFile('import/review-sentiment-2.modelcard.yaml')), await read(card));
  });

  it('checks a README.md\'s Hugging Face metadata once modelcard.huggingFace.validateReadme is on', async () => {
    const readme = workspaceFile('hub/README.md');
    await write(readme, hubReadme);
    const settings = vscode.workspace.getConfiguration('modelcard');
    await settings.update('huggingFace.validateReadme', true, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.window.showTextDocument(readme);
      const diagnostics = await waitForDiagnostics(readme, hasCode('MC071'));
      const licence = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'MC071')!;
      assert.deepEqual([licence.range.start.line, licence.range.start.character, licence.range.end.character], [1, 9, 19]);
      assert.ok(diagnostics.some((diagnostic) => codeOf(diagnostic) === 'MC072'));
      assert.ok(diagnostics.some((diagnostic) => codeOf(diagnostic) === 'MC074'));
    } finally {
      await settings.update('huggingFace.validateReadme', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
