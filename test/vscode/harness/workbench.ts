// A real VS Code workbench for tests: code-server with the extension, and Debian's Chromium
// driven by Playwright. `openWorkbench()` starts both; `close()` ends both, even after a failure.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { createProfile, deleteProfile, installExtension, startCodeServer, type RunningCodeServer } from '../../../scripts/vscode/codeServer';
import { chromiumExecutable, profilesDir, projectRoot } from '../../../scripts/vscode/paths';
import { codeServerEnvironment } from '../../../scripts/vscode/setup';
import { runFolderName } from './runFolders';

export const testResultsDir = path.join(projectRoot, 'test-results', 'vscode');

export interface WorkbenchOptions {
  /** Names the profile, the log file and the screenshots. */
  name: string;
  /** The folder the workbench opens. */
  folder: string;
  /** Install the extension (false when the page loads it as the extension under development). */
  installExtension?: boolean;
  /** More code-server flags. */
  extraArgs?: string[];
}

export interface Workbench {
  server: RunningCodeServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Starts code-server and Chromium; the page is blank until the test navigates (see `showWorkbench`). */
export async function openWorkbench({ name, folder, installExtension: install = true, extraArgs = [] }: WorkbenchOptions): Promise<Workbench> {
  const profile = createProfile(runFolderName(profilesDir, name));
  const cleanups: (() => Promise<void> | void)[] = [() => deleteProfile(profile)];
  // Every cleanup runs, last started first, even when one of them fails.
  const close = async () => {
    const failures: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve().then(cleanup).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  };
  try {
    if (install) await installExtension(profile);
    const server = await startCodeServer({ profile, folder, extraArgs, logName: name });
    cleanups.push(() => server.stop());
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    return { server, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: codeServerEnvironment(), // XDG dirs: Chromium's crash reports stay under .vscode-test/
  });
}

/** Loads the workbench and waits until the explorer shows the folder (the workbench takes input from then on). */
export async function showWorkbench({ server, page }: Workbench): Promise<void> {
  await page.goto(server.workbenchUrl);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
}

/** Quick Open (Ctrl+P) the file and wait for its editor tab. */
export async function openFile(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await activeEditorTab(page, fileName).waitFor();
}

/** The focused editor group's active tab, if it shows `text` (a preview's tab in another group may show the same file name). */
export function activeEditorTab(page: Page, text: string): Locator {
  return page.locator('.editor-group-container.active .tab.active', { hasText: text });
}

/**
 * Runs a command by its title from the command palette (F1). The palette lists the commands known
 * when it opens, and extensions' commands arrive some seconds after the workbench shows: until the
 * command is listed, close the palette and open it again.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget input');
  const command = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (;;) {
    await page.keyboard.press('F1');
    const attemptMs = Math.min(3_000, Math.max(1, deadline - Date.now()));
    // The palette may also close at once (a webview that had the focus takes it back): then open it again too.
    const listed = await input
      .fill(`>${title}`, { timeout: attemptMs })
      .then(() => command.waitFor({ timeout: attemptMs }))
      .then(() => true, () => false);
    if (listed) break;
    if (Date.now() > deadline) throw new Error(`The command palette does not list "${title}" (waited ${timeoutMs} ms)`);
    await page.keyboard.press('Escape');
  }
  await page.keyboard.press('Enter');
}

/** Go to Line (Ctrl+G) in the focused editor. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget input').waitFor({ state: 'hidden' });
}

/** Waits for the quick pick or input box titled `title` (a command's next question). */
export async function waitForQuickInput(page: Page, title: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
}

/** Chooses the item of the open quick pick that shows `text`. */
export async function pickQuickItem(page: Page, text: string): Promise<void> {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click();
}

/** Types the answer into the open input box and accepts it. */
export async function answerInputBox(page: Page, answer: string): Promise<void> {
  await page.locator('.quick-input-widget input').fill(answer);
  await page.keyboard.press('Enter');
}

/** Waits for a notification toast containing `text` and returns the text of all toasts. */
export async function waitForNotification(page: Page, text: string): Promise<string> {
  await page.locator('.notifications-toasts .notification-toast', { hasText: text }).first().waitFor();
  return page.locator('.notifications-toasts').innerText();
}

/** Opens the Problems panel (Ctrl+Shift+M) and waits until its text satisfies `accept`. */
export async function waitForProblems(page: Page, accept: (text: string) => boolean, timeoutMs = 30_000): Promise<string> {
  await page.keyboard.press('Control+Shift+M');
  return waitForText(page.locator('.markers-panel'), accept, 'the Problems panel', timeoutMs);
}

/** Polls `read` until `accept` takes its value; a timeout error shows the last value seen. */
export async function waitForValue<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value: T | undefined;
  while (Date.now() < deadline) {
    value = await read().catch(() => undefined);
    if (value !== undefined && accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100)); // polling interval, not a delay
  }
  throw new Error(`${what} not reached within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
}

/** Polls the element's text until `accept` takes it. */
export function waitForText(element: Locator, accept: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
  return waitForValue(() => element.innerText({ timeout: 1000 }), accept, what, timeoutMs);
}

/** A Mocha hook for the current suite: a screenshot of the workbench whenever one of its tests fails. */
export function screenshotFailures(workbench: () => Workbench | undefined): void {
  afterEach(async function () {
    const current = workbench();
    if (this.currentTest?.state === 'failed' && current) await saveScreenshot(current.page, `failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
}

/** The content of the active webview (the preview): VS Code nests it in two iframes. */
export function webviewContent(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').frameLocator('#active-frame');
}

/** Saves a screenshot under test-results/vscode/ (kept as a test artifact) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(testResultsDir, { recursive: true });
  const file = path.join(testResultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
