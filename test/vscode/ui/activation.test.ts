import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import manifest from '../../../package.json';
import { createTestWorkspace, deleteTestWorkspace } from '../harness/testWorkspace';
import { openFile, openWorkbench, runCommand, saveScreenshot, screenshotFailures, showWorkbench, waitForText, waitForValue, type Workbench } from '../harness/workbench';

const extensionId = `${manifest.publisher}.${manifest.name}`;
/**
 * Issue 12's target for activation: what the extension host counts from loading the extension's
 * code until `activate` has resolved. Printed beside the measurement, not asserted: a timed
 * assertion depends on the machine (speed is the bench's to measure); the unit test of the built
 * client holds what activation loads.
 */
const activationTargetMs = 50;

/**
 * An extension's activation as the extension host times it (ms): loading its main module, the call
 * of `activate`, and the wait for what it returned to resolve.
 */
interface ActivationTimes {
  codeLoadingTime: number;
  activateCallTime: number;
  activateResolvedTime: number;
  event: string;
}

const total = ({ codeLoadingTime, activateCallTime, activateResolvedTime }: ActivationTimes) => codeLoadingTime + activateCallTime + activateResolvedTime;

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

/**
 * Developer: Startup Performance: its "Extension Activation Stats" table, a row per activated
 * extension: | id | eager | load code | call activate | finish activate | event | by |.
 */
async function activationStats(page: Page): Promise<Map<string, ActivationTimes>> {
  await runCommand(page, 'Developer: Startup Performance');
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.waitFor();
  // The editor draws only the lines in view: finding the extension's row brings the table into view.
  await editor.click();
  await page.keyboard.press('Control+F');
  await page.keyboard.type(extensionId);
  const ownRow = editor.locator('.view-line', { hasText: extensionId }).first();
  await waitForText(ownRow, (row) => row.includes('onLanguage:'), `${extensionId}'s row of the activation stats`);
  const stats = new Map<string, ActivationTimes>();
  for (const line of await editor.locator('.view-line').allInnerTexts()) {
    // Cells padded with spaces (no-break spaces in the editor's lines); the first cell is the empty one before the first |.
    const [, id, eager, codeLoadingTime, activateCallTime, activateResolvedTime, event] = line.split('|').map((cell) => cell.trim());
    if (eager === 'true' || eager === 'false') stats.set(id, { codeLoadingTime: Number(codeLoadingTime), activateCallTime: Number(activateCallTime), activateResolvedTime: Number(activateResolvedTime), event });
  }
  return stats;
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
    const stats = await activationStats(page);
    await saveScreenshot(page, 'activation-startup-performance');
    const own = stats.get(extensionId);
    assert.ok(own, `no row of ${extensionId} among ${[...stats.keys()].join(', ')}`);
    for (const [id, times] of stats) {
      console.log(`      ${id}: code loading ${times.codeLoadingTime} ms, activate call ${times.activateCallTime} ms, activate resolved ${times.activateResolvedTime} ms (total ${total(times)} ms) on ${times.event}`);
    }
    // For scale when the machine is busy: the quickest of the built-in extensions in the same run.
    const quickestBuiltIn = Math.min(...[...stats].filter(([id]) => id.startsWith('vscode.')).map(([, times]) => total(times)));
    console.log(`      Running Extensions shows ${manifest.displayName}: ${shown} ms (target ${activationTargetMs} ms; the quickest built-in extension: ${quickestBuiltIn} ms)`);
    assert.equal(own.event, 'onLanguage:modelcard');
    assert.ok([own.codeLoadingTime, own.activateCallTime, own.activateResolvedTime, shown].every((ms) => Number.isFinite(ms) && ms >= 0), JSON.stringify({ own, shown }));
  });
});
