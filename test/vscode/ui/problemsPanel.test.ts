import assert from 'node:assert/strict';
import path from 'node:path';
import { projectRoot } from '../../../scripts/vscode/paths';
import { openFile, openWorkbench, saveScreenshot, showWorkbench, waitForProblems, type Workbench } from '../harness/workbench';

describe('the workbench (code-server in Chromium)', function () {
  this.timeout(180_000);
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await openWorkbench({ name: 'ui', folder: path.join(projectRoot, 'examples') });
    await showWorkbench(workbench);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) await saveScreenshot(workbench.page, `failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the problems of the typical-mistakes card in the Problems panel', async () => {
    const { page } = workbench!;
    await openFile(page, 'typical-mistakes.modelcard.yaml');
    const problems = await waitForProblems(page, (text) => text.includes('MC010') && text.includes('MC044'));
    await saveScreenshot(page, 'problems-typical-mistakes');
    assert.match(problems, /Unknown key `licence` in the card\. Did you mean `license`\?\s*modelcard\(MC010\)\s*\[Ln 5, Col 1\]/);
    assert.match(problems, /YAML reads version 1\.10 as the number 1\.1\. Quote it to keep it as written: '1\.10'\.\s*modelcard\(MC044\)\s*\[Ln 4, Col 10\]/);
    assert.match(problems, /The card has no `limitations`.*\s*modelcard\(MC001\)\s*\[Ln 3, Col 1\]/);
  });
});
