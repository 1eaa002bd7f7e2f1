import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { projectRoot } from '../../../scripts/vscode/paths';
import { createTestWorkspace, deleteTestWorkspace } from '../harness/testWorkspace';
import {
  activeEditorTab,
  answerInputBox,
  goToLine,
  openFile,
  openWorkbench,
  pickQuickItem,
  runCommand,
  saveScreenshot,
  screenshotFailures,
  showWorkbench,
  waitForProblems,
  waitForQuickInput,
  webviewContent,
  type Workbench,
} from '../harness/workbench';

const governanceExamples = path.join(projectRoot, 'examples', 'governance');
const cardName = 'chest-xray-triage.modelcard.yaml';
const cardText = readFileSync(path.join(governanceExamples, cardName), 'utf8');
const limitation = '  - Small pneumothoraces under 1 cm are often missed.';
/** The line (from 1) of the first limitation, which the test edits. */
const limitationLine = cardText.split('\n').indexOf(limitation) + 1;

/** Waits for the open input box whose prompt says `prompt` (the sign-off's questions share one title). */
async function waitForPrompt(page: Page, prompt: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-message', { hasText: prompt }).waitFor();
}

/** The sign-off badge of `section` in the technical document, in the state `state`, showing `text`. */
function badge(preview: FrameLocator, section: string, state: 'valid' | 'stale' | 'missing', text: string) {
  return preview.locator(`section#${section} .signoffs [data-signoff="${state}"]`, { hasText: text });
}

describe('sign-off of a section (code-server in Chromium, the extension installed from its .vsix)', function () {
  this.timeout(180_000);
  let folder: string;
  let workbench: Workbench | undefined;
  let page: Page;
  let preview: FrameLocator;

  before(async () => {
    assert.ok(limitationLine > 0, 'the example still has the limitation the test edits');
    folder = createTestWorkspace('sign-off-ui');
    for (const file of [cardName, '.modelcard-policy.yaml']) copyFileSync(path.join(governanceExamples, file), path.join(folder, file));
    workbench = await openWorkbench({ name: 'sign-off-ui', folder });
    page = workbench.page;
    preview = webviewContent(page);
    await showWorkbench(workbench);
  });

  screenshotFailures(() => workbench);

  after(async () => {
    await workbench?.close();
    deleteTestWorkspace(folder);
  });

  it('signs a section off with Sign Off Section…, and the preview shows a valid badge', async () => {
    await openFile(page, cardName);
    await runCommand(page, 'Model Card: Open Preview to the Side');
    await preview.locator('h1', { hasText: 'Chest X-ray Triage' }).waitFor();
    await badge(preview, 'intended_use', 'valid', 'Signed off by Dr. M. Okafor (clinician), 2026-03-02').waitFor();
    await activeEditorTab(page, cardName).waitFor();

    await runCommand(page, 'Model Card: Sign Off Section…');
    await waitForQuickInput(page, 'Sign Off Section');
    await pickQuickItem(page, 'limitations');
    await waitForPrompt(page, 'Your role, as the policy names it');
    await answerInputBox(page, 'data science');
    await waitForPrompt(page, 'Your name');
    await answerInputBox(page, 'A. Rivera');
    await waitForPrompt(page, 'A comment (optional)');
    await answerInputBox(page, '');
    await badge(preview, 'limitations', 'valid', 'Signed off by A. Rivera (data science)').waitFor();
    await saveScreenshot(page, 'sign-off-valid');
  });

  it('goes stale when the section is edited: a finding in Problems and a stale badge; reverting the file makes it valid again', async () => {
    await page.keyboard.press('Control+1');
    await activeEditorTab(page, cardName).waitFor();
    // Saved with its sign-off, so that reverting the edit below goes back to the signed text.
    await runCommand(page, 'File: Save');
    await page.locator('.tab.dirty', { hasText: cardName }).waitFor({ state: 'detached' });
    await goToLine(page, limitationLine);
    await page.keyboard.press('End');
    await page.keyboard.type(' Or all of them.');
    await badge(preview, 'limitations', 'stale', 'Stale sign-off by A. Rivera (data science)').waitFor();
    const problems = await waitForProblems(page, (text) => text.includes('MC082'));
    assert.match(problems, /`limitations` changed after A\. Rivera \(data science\) signed it on \d{4}-\d{2}-\d{2}/);
    await saveScreenshot(page, 'sign-off-stale');

    await page.keyboard.press('Control+1');
    await runCommand(page, 'File: Revert File');
    await badge(preview, 'limitations', 'valid', 'Signed off by A. Rivera (data science)').waitFor();
  });

  it('switches the preview to the regulatory document and the summary from its toolbar, with the sign-offs', async () => {
    await preview.locator('.audience-toolbar button[data-audience="regulatory"]').click();
    await preview.locator('h1', { hasText: 'Chest X-ray Triage: technical documentation (EU AI Act, Annex IV)' }).waitFor();
    await preview.locator('.audience-toolbar button[data-audience="regulatory"][aria-pressed="true"]').waitFor();
    await preview.locator('td', { hasText: 'A. Rivera' }).first().waitFor();
    await preview.locator('.audience-toolbar button[data-audience="summary"]').click();
    await preview.locator('h2', { hasText: 'Who approved it' }).waitFor();
    await preview.locator('.audience-toolbar button[data-audience="technical"]').click();
    await badge(preview, 'limitations', 'valid', 'Signed off by A. Rivera (data science)').waitFor();
  });
});
