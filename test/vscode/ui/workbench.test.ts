import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../scripts/vscode/paths';
import { createTestWorkspace, deleteTestWorkspace } from '../harness/testWorkspace';
import {
  activeEditorTab,
  answerInputBox,
  openFile,
  openWorkbench,
  pickQuickItem,
  runCommand,
  saveScreenshot,
  screenshotFailures,
  showWorkbench,
  waitForProblems,
  waitForQuickInput,
  type Workbench,
} from '../harness/workbench';

describe('the workbench (code-server in Chromium, the extension installed from its .vsix)', function () {
  this.timeout(180_000);
  let folder: string;
  let workbench: Workbench | undefined;

  before(async () => {
    folder = createTestWorkspace('ui');
    // The Problems panel lists the open card alone: the closed documents' findings (pull diagnostics) would push its rows out of view.
    mkdirSync(path.join(folder, '.vscode'));
    writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'modelcard.validate.workspace': 'off' }));
    workbench = await openWorkbench({ name: 'ui', folder });
    await showWorkbench(workbench);
  });

  screenshotFailures(() => workbench);

  after(async () => {
    await workbench?.close();
    deleteTestWorkspace(folder);
  });

  it('shows the problems of the typical-mistakes card in the Problems panel', async () => {
    const { page } = workbench!;
    await openFile(page, 'typical-mistakes.modelcard.yaml');
    const problems = await waitForProblems(page, (text) => text.includes('MC010') && text.includes('MC044'));
    await saveScreenshot(page, 'problems-typical-mistakes');
    // Each row reads: message, source, code, position.
    assert.match(problems, /^The card has no `limitations`: say where and how the model is likely to fail\.\nmodelcard\nMC001\n\[Ln 3, Col 1\]$/m);
    assert.match(problems, /^Unknown key `licence` in the card\. Did you mean `license`\?\nmodelcard\nMC010\n\[Ln 5, Col 1\]$/m);
    assert.match(problems, /^YAML reads version 1\.10 as the number 1\.1\. Quote it to keep it as written: '1\.10'\.\nmodelcard\nMC044\n\[Ln 4, Col 10\]$/m);
  });

  it('creates a card with New Model Card, Datasheet or System Card… from the command palette', async () => {
    const { page } = workbench!;
    await runCommand(page, 'Model Card: New Model Card, Datasheet or System Card…');
    await waitForQuickInput(page, 'New: kind of document');
    await pickQuickItem(page, 'Model card');
    await waitForQuickInput(page, 'New Model card: template');
    await pickQuickItem(page, 'Minimal');
    await waitForQuickInput(page, 'New Model card: model name');
    await answerInputBox(page, 'Palette Model');
    await waitForQuickInput(page, 'New Model card: folder');
    await pickQuickItem(page, path.basename(folder)); // the workspace folder
    await activeEditorTab(page, 'palette-model.modelcard.yaml').waitFor();
    const template = readFileSync(path.join(projectRoot, 'templates', 'minimal.modelcard.yaml'), 'utf8');
    assert.equal(readFileSync(path.join(folder, 'palette-model.modelcard.yaml'), 'utf8'), template.replace('${name}', 'Palette Model'));
  });
});
