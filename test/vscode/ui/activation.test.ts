import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import manifest from '../../../package.json';
import { createTestWorkspace, deleteTestWorkspace } from '../harness/testWorkspace';
import { openFile, openWorkbench, runCommand, saveScreenshot, screenshotFailures, showWorkbench, waitForText, waitForValue, type Workbench } from '../harness/workbench';

/**
 * Issue 12's target for activation: what the extension host counts from loading the extension's
 * code until `activate` has resolved. Printed beside the measurement, not asserted: a timed
 * assertion depends on the machine (speed is the bench's to measure); the unit test of the built
 * client holds what activation loads.
 */
const activationTargetMs = 50;

/** Developer: Show Running Extensions: a row per extension that reads "Activation: 12ms" once `activate` has resolved, "Activating..." until then. */
async function showRunningExtensions(page: Page): Promise<void> {
  await runCommand(page, 'Developer: Show Running Extensions');
  await page.locator('.runtime-extensions-editor .monaco-list-row').first().waitFor();
}

/**
 * Waits until every running extension has activated: the workbench's own start-up activations are
 * over, so that the extension's activation is not interleaved with theirs in the extension host.
 */
async function waitForActivationsToSettle(page: Page): Promise<void> {
  await showRunningExtensions(page);
  await waitForValue(
    () => page.locator('.runtime-extensions-editor .activation-time').allInnerTexts(),
    (labels) => labels.length > 0 && labels.every((label) => label !== 'Activating...'),
    'the start-up activations to end',
    60_000,
  );
}

/** The extension's time in Running Extensions (its code loading and the call of `activate`), once `activate` has resolved. */
async function runningExtensionsActivationMs(page: Page): Promise<number> {
  await showRunningExtensions(page);
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: manifest.displayName });
  const label = await waitForText(row.locator('.activation-time'), (text) => /^Activation: \d+ms$/.test(text), `the activation time of ${manifest.displayName}`, 60_000);
  return Number(/\d+/.exec(label)![0]);
}

describe('activation (code-server in Chromium, the extension installed from its .vsix)', function () {
  this.timeout(240_000);
  let folder: string;
  let workbench: Workbench | undefined;

  before(async () => {
    folder = createTestWorkspace('activation-ui');
    // Running Extensions opens in the editor area, not in a modal dialog that shows a dozen rows.
    mkdirSync(path.join(folder, '.vscode'));
    writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.editor.useModal': 'off' }));
    workbench = await openWorkbench({ name: 'activation-ui', folder });
    // The lists and the editor draw only the rows in view: a tall window shows every running extension.
    await workbench.page.setViewportSize({ width: 1400, height: 2400 });
    await showWorkbench(workbench);
  });

  screenshotFailures(() => workbench);

  after(async () => {
    await workbench?.close();
    deleteTestWorkspace(folder);
  });

  it("activates on opening a card, and reports its activation time by the extension host's own timing", async () => {
    const { page } = workbench!;
    await waitForActivationsToSettle(page);
    await openFile(page, 'seed.modelcard.yaml');
    const shown = await runningExtensionsActivationMs(page);
    await saveScreenshot(page, 'activation-running-extensions');
    console.log(`      Running Extensions shows ${manifest.displayName}: activation ${shown} ms (issue 12's target: ${activationTargetMs} ms)`);
    assert.ok(Number.isFinite(shown) && shown >= 0, `activation time ${shown}`);
  });
});
