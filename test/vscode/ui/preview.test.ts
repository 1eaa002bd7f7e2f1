import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConsoleMessage, Dialog, FrameLocator, Page } from 'playwright-core';
import { projectRoot } from '../../../scripts/vscode/paths';
import { createTestWorkspace, deleteTestWorkspace } from '../harness/testWorkspace';
import { activeEditorTab, goToLine, openFile, openWorkbench, runCommand, saveScreenshot, screenshotFailures, showWorkbench, waitForText, waitForValue, webviewContent, type Workbench } from '../harness/workbench';

const payloadCard = 'script-payloads.modelcard.yaml';
const diagramsCard = 'mermaid-payloads.modelcard.yaml';
/** Mermaid blocks with script payloads in labels, click directives and links: drawn, and none of it runs. */
const mermaidPayloads = `name: Mermaid payloads
limitations: |
  \`\`\`mermaid
  flowchart LR
    A["<img src=x onerror=alert('label')>"] -->|"<script>alert('edge')</script>"| B["javascript:alert('node')"]
    click A call alert('click')
    click B href "javascript:alert('href')"
  \`\`\`
`;

/** The preview page's vertical scroll position. */
function previewScrollY(preview: FrameLocator): Promise<number> {
  return preview.locator('body').evaluate(() => window.scrollY);
}

/** The first line number the first editor group shows. */
async function editorTopLine(page: Page): Promise<number> {
  const numbers = await page.locator('.editor-group-container').first().locator('.margin-view-overlays .line-numbers').allInnerTexts();
  return Math.min(...numbers.map(Number).filter(Number.isInteger));
}

/** The colours the chart takes from the theme, as the page resolves them (rgb). */
interface ChartColours {
  bar: string;
  whisker: string;
  axis: string;
}

/** The colours of the first chart's bar, whisker and axis. */
async function chartColours(preview: FrameLocator): Promise<ChartColours> {
  const chart = preview.locator('figure.metric-chart').first();
  return {
    bar: await chart.locator('rect.bar').first().evaluate((bar) => getComputedStyle(bar).fill),
    whisker: await chart.locator('g.whisker line').first().evaluate((line) => getComputedStyle(line).stroke),
    axis: await chart.locator('g.axis line').first().evaluate((line) => getComputedStyle(line).stroke),
  };
}

/** The theme's chart colours, from the `--vscode-*` variables VS Code gives the page, resolved to rgb. */
async function themeColours(preview: FrameLocator): Promise<ChartColours> {
  // No helper function inside the page function: the test's compiler would wrap it in a helper the page lacks.
  const [bar, whisker, axis] = await preview.locator('body').evaluate((body, variables) =>
    variables.map((variable) => {
      const probe = body.appendChild(document.createElement('span'));
      probe.style.setProperty('color', `var(${variable})`);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    }),
    ['--vscode-charts-blue', '--vscode-charts-foreground', '--vscode-charts-lines'],
  );
  return { bar, whisker, axis };
}

/** Preferences: Color Theme (Ctrl+K Ctrl+T), then the theme named `theme`. */
async function selectColourTheme(page: Page, theme: string): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor();
  await page.locator('.quick-input-widget input').fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Waits until the focus has reached the preview's page. VS Code hands it on to the page a moment
 * after focusing the webview; a quick input opened before that would lose the focus and close.
 */
async function waitForPreviewFocus(preview: FrameLocator): Promise<void> {
  await waitForValue(() => preview.locator('body').evaluate(() => document.hasFocus()), Boolean, 'the focus in the preview page');
}

/** Quick Open (Ctrl+P) the file in the editor group beside the focused one (Ctrl+Enter). */
async function openFileToTheSide(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Control+Enter');
  await waitForEditorFocus(page, fileName);
}

/**
 * Focuses the editor of `fileName` in the first editor group by clicking its tab, and waits until
 * the editor has the focus. (Ctrl+1 is not used: a webview holding the focus may keep the key.)
 */
async function focusFirstEditorGroup(page: Page, fileName: string): Promise<void> {
  await page.locator('.editor-group-container').first().locator('.tab', { hasText: fileName }).click();
  await waitForEditorFocus(page, fileName);
}

/**
 * Waits until the keyboard focus is in the text editor of `fileName` (in the focused group). An
 * editor just opened takes the focus a moment after its tab shows; keys typed before would go elsewhere.
 */
async function waitForEditorFocus(page: Page, fileName: string): Promise<void> {
  await activeEditorTab(page, fileName).waitFor();
  await page.waitForFunction(() => Boolean(document.activeElement?.closest('.editor-group-container.active .monaco-editor')));
}

describe('the model card preview (code-server in Chromium, the extension installed from its .vsix)', function () {
  this.timeout(180_000);
  let folder: string;
  let workbench: Workbench | undefined;
  let page: Page;
  let preview: FrameLocator;
  const dialogs: string[] = [];
  const consoleMessages: string[] = [];

  before(async () => {
    folder = createTestWorkspace('preview-ui');
    copyFileSync(path.join(projectRoot, 'examples', 'smiling-detection.modelcard.yaml'), path.join(folder, 'smiling-detection.modelcard.yaml'));
    copyFileSync(path.join(projectRoot, 'test', 'vscode', 'fixtures', payloadCard), path.join(folder, payloadCard));
    writeFileSync(path.join(folder, 'notes.txt'), 'Not a card.\n');
    mkdirSync(path.join(folder, 'rag-assistant'));
    for (const file of ['support-assistant.systemcard.yaml', 'kb-embedder.modelcard.yaml', 'answer-writer.modelcard.yaml', 'support-articles.datasheet.yaml']) {
      copyFileSync(path.join(projectRoot, 'examples', 'rag-assistant', file), path.join(folder, 'rag-assistant', file));
    }
    writeFileSync(path.join(folder, diagramsCard), mermaidPayloads);
    workbench = await openWorkbench({ name: 'preview-ui', folder });
    page = workbench.page;
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message: ConsoleMessage) => consoleMessages.push(message.text()));
    preview = webviewContent(page);
    await showWorkbench(workbench);
  });

  screenshotFailures(() => workbench);

  after(async () => {
    await workbench?.close();
    deleteTestWorkspace(folder);
  });

  it('opens to the side with every section of the card and a chart per sliced metric', async () => {
    await openFile(page, 'smiling-detection.modelcard.yaml');
    await runCommand(page, 'Model Card: Open Preview to the Side');
    await page.locator('.tab', { hasText: 'Preview smiling-detection.modelcard.yaml' }).waitFor();
    await preview.locator('h1', { hasText: 'Smiling Detection in Images' }).waitFor();
    for (const heading of ['Model details', 'Intended use', 'Factors', 'Metrics', 'Evaluation data', 'Ethical considerations', 'Caveats and recommendations', 'Limitations', 'Governance']) {
      await preview.locator('h2', { hasText: heading }).waitFor();
    }
    const charts = preview.locator('figure.metric-chart');
    assert.deepEqual(await charts.locator('figcaption').allInnerTexts(), ['false_positive_rate by slice', 'false_negative_rate by slice']);
    assert.equal(await charts.first().locator('svg rect.bar').count(), 3);
    assert.equal(await charts.first().locator('svg g.whisker').count(), 3);
    assert.deepEqual(await chartColours(preview), await themeColours(preview));
    await activeEditorTab(page, 'smiling-detection.modelcard.yaml').waitFor(); // the editor kept the focus
    await charts.first().scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'preview-smiling-detection');
  });

  it('follows the colour theme, charts included', async () => {
    const lightColours = await themeColours(preview);
    for (const [theme, bodyClass] of [
      ['Dark Modern', 'vscode-dark'],
      ['Dark High Contrast', 'vscode-high-contrast'],
    ]) {
      await selectColourTheme(page, theme);
      await waitForValue(() => preview.locator('body').getAttribute('class'), (classes) => classes?.split(' ').includes(bodyClass) === true, `the preview's body class ${bodyClass}`);
      const colours = await themeColours(preview);
      assert.notDeepEqual(colours, lightColours);
      assert.deepEqual(await chartColours(preview), colours);
      await saveScreenshot(page, `preview-theme-${bodyClass}`);
    }
    await selectColourTheme(page, 'Light Modern');
  });

  it('patches the page as the card is edited, without reloading it', async () => {
    await preview.locator('body').evaluate(() => Object.assign(window, { pageBeforeEdit: true }));
    await goToLine(page, 4); // name: Smiling Detection in Images
    await page.keyboard.press('End');
    await page.keyboard.type(' (edited)');
    await preview.locator('h1', { hasText: 'Smiling Detection in Images (edited)' }).waitFor();
    assert.equal(await preview.locator('body').evaluate(() => (window as unknown as { pageBeforeEdit?: boolean }).pageBeforeEdit), true, 'the same page, patched');
  });

  it('catches up with the edits made while its tab was hidden', async () => {
    await openFileToTheSide(page, 'notes.txt'); // in the preview's group, and no card: the preview stays on its card, hidden behind it
    await focusFirstEditorGroup(page, 'smiling-detection.modelcard.yaml');
    await goToLine(page, 4);
    await page.keyboard.press('End');
    await page.keyboard.type(' while hidden');
    await page.locator('.tab', { hasText: 'Preview smiling-detection.modelcard.yaml' }).click();
    await preview.locator('h1', { hasText: 'Smiling Detection in Images (edited) while hidden' }).waitFor();
    await focusFirstEditorGroup(page, 'smiling-detection.modelcard.yaml');
  });

  it('scrolls with the editor, and the editor with the page', async () => {
    await goToLine(page, 130); // near the end: the editor scrolls down
    await waitForValue(() => previewScrollY(preview), (scrollY) => scrollY > 300, 'the preview following the editor down');
    const iframe = await page.locator('iframe.webview').boundingBox();
    assert.ok(iframe);
    await page.mouse.move(iframe.x + iframe.width / 2, iframe.y + iframe.height / 2);
    await page.mouse.wheel(0, -100_000);
    await waitForValue(() => previewScrollY(preview), (scrollY) => scrollY === 0, 'the preview at its top');
    await waitForValue(() => editorTopLine(page), (line) => line <= 2, 'the editor following the preview to the top');
  });

  it('shows the line of a finding in the editor when it is clicked, and of any part when it is double-clicked', async () => {
    await openFile(page, 'typical-mistakes.modelcard.yaml');
    await page.locator('.tab', { hasText: 'Preview typical-mistakes.modelcard.yaml' }).waitFor();
    const cursor = page.locator('[id="status.editor.selection"]');
    await waitForText(cursor, (text) => text.includes('Ln 1, Col 1'), 'the cursor position');
    // A click in the page may leave the keyboard focus there, which hides the editor's cursor
    // position: each time, read the selection from the editor group itself.
    await preview.locator('li.finding', { hasText: 'MC010' }).click(); // Unknown key `licence`, line 5
    await focusFirstEditorGroup(page, 'typical-mistakes.modelcard.yaml');
    await waitForText(cursor, (text) => text.includes('Ln 5, Col 1'), 'the cursor position');
    await preview.locator('dt', { hasText: 'Description' }).dblclick(); // evaluation_data[0].description, line 24
    await focusFirstEditorGroup(page, 'typical-mistakes.modelcard.yaml');
    await waitForText(cursor, (text) => text.includes('Ln 24, Col 5'), 'the cursor position');
  });

  it('offers Show Source and Toggle Preview Locking when the preview has the focus', async () => {
    await page.keyboard.press('Control+2'); // the preview's group
    await page.locator('.editor-group-container.active .tab.active', { hasText: 'Preview typical-mistakes.modelcard.yaml' }).waitFor();
    await waitForPreviewFocus(preview);
    await runCommand(page, 'Model Card: Toggle Preview Locking');
    await page.locator('.tab', { hasText: '[Preview] typical-mistakes.modelcard.yaml' }).waitFor();
    await waitForPreviewFocus(preview); // back from the palette
    await runCommand(page, 'Model Card: Toggle Preview Locking');
    await page.locator('.tab', { hasText: 'Preview typical-mistakes.modelcard.yaml' }).filter({ hasNotText: '[Preview]' }).waitFor();
    await page.locator('.editor-group-container.active .editor-actions [aria-label^="Show Source"]').click();
    await activeEditorTab(page, 'typical-mistakes.modelcard.yaml').waitFor();
  });

  it('renders again for the audience the settings name: no findings for the public', async () => {
    const settings = path.join(folder, '.vscode', 'settings.json');
    mkdirSync(path.dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify({ 'modelcard.preview.audience': 'public' }));
    try {
      await waitForValue(() => preview.locator('li.finding').count(), (count) => count === 0, 'no findings in the public preview');
      await preview.locator('h1', { hasText: 'Sentiment Classifier' }).waitFor();
    } finally {
      writeFileSync(settings, JSON.stringify({ 'modelcard.preview.audience': 'developer' }));
    }
    await preview.locator('li.finding', { hasText: 'MC010' }).waitFor();
  });

  it('comes back after a reload, on the card it showed', async () => {
    // Reload Window shuts the workbench down as VS Code does (saving the open editors), then reloads the page.
    const reloaded = page.waitForEvent('load');
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    await page.locator('.tab', { hasText: 'Preview typical-mistakes.modelcard.yaml' }).waitFor();
    // After a reload the extension activates and the server starts again before the page can fill.
    await preview.locator('li.finding', { hasText: 'MC010' }).waitFor({ timeout: 60_000 });
  });

  it('shows script payloads in the card as text and runs none of them', async () => {
    await focusFirstEditorGroup(page, 'typical-mistakes.modelcard.yaml');
    await openFile(page, payloadCard);
    await runCommand(page, 'Model Card: Open Preview to the Side');
    await preview.locator('h1', { hasText: `<img src=x onerror="alert('name')">` }).waitFor();
    const text = await preview.locator('#card').innerText();
    for (const payload of [
      `<script>alert('summary')</script>`,
      `<svg onload="alert('svg')"><script>alert('svg script')</script></svg>`,
      `[click me](javascript:alert('link'))`,
      `<iframe src="javascript:alert('iframe')"></iframe>`,
      `<b onmouseover="alert('hover')">hover me</b>`,
      `group: <script>alert('slice')</script>`,
      `"><img src=x onerror=alert('limitations')>`,
      '<style>body { display: none }</style>',
    ]) {
      assert.ok(text.includes(payload), `shown as text: ${payload}`);
    }
    const card = preview.locator('#card');
    assert.equal(await card.locator('script, style, img, iframe, object, embed, [onerror], [onload], [onmouseover], a[href^="javascript:" i]').count(), 0);
    await card.getByText('hover me').hover();
    await card.getByText('[click me]').click();
    // The console listener hears the page (so silence below means something).
    await preview.locator('body').evaluate(() => console.log('preview console probe'));
    await waitForValue(async () => consoleMessages.includes('preview console probe'), Boolean, 'the probe in the console');
    await saveScreenshot(page, 'preview-script-payloads');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(consoleMessages.filter((message) => /alert|Content Security Policy|Refused to|Ignored call/i.test(message)), []);
  });

  it("draws a system card's components and data flow in the theme's colours", async () => {
    await focusFirstEditorGroup(page, payloadCard);
    await openFile(page, 'support-assistant.systemcard.yaml');
    await runCommand(page, 'Model Card: Open Preview to the Side');
    const diagram = preview.locator('section#components figure.flow-diagram svg');
    await diagram.waitFor();
    assert.equal(await diagram.getAttribute('aria-label'), 'Components and data flow of Support answer assistant');
    assert.equal(await diagram.locator('g.flow-node').count(), 8);
    assert.equal(await diagram.locator('g.flow-edge').count(), 10);
    const labels = await diagram.locator('text.flow-label').allTextContents();
    for (const label of ['Help-centre chat gateway', 'kb-embedder', 'Support articles index', 'answer-writer', 'Support agent review']) assert.ok(labels.includes(label), label);
    const [blue] = await preview.locator('body').evaluate((body) => {
      const probe = body.appendChild(document.createElement('span'));
      probe.style.setProperty('color', 'var(--vscode-charts-blue)');
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return [colour];
    });
    assert.equal(await diagram.locator('g.flow-node.kind-model rect').first().evaluate((rect) => getComputedStyle(rect).stroke), blue);
    await saveScreenshot(page, 'preview-system-diagram');
    // Double-clicking a component shows its line in the editor.
    await diagram.locator('g.flow-node', { hasText: 'answer-writer' }).dblclick();
    await waitForValue(() => editorTopLine(page), (line) => line > 1, 'the editor scrolled to the component');
  });

  it('draws mermaid blocks, with the payloads in their labels and click directives as text, and runs none of them', async () => {
    await focusFirstEditorGroup(page, 'support-assistant.systemcard.yaml');
    await openFile(page, diagramsCard);
    await runCommand(page, 'Model Card: Open Preview to the Side');
    const diagram = preview.locator('figure.mermaid-diagram svg');
    await diagram.waitFor();
    const text = (await diagram.textContent()) ?? '';
    for (const payload of [`<img src=x onerror=alert('label')>`, `<script>alert('edge')</script>`, `javascript:alert('node')`]) assert.ok(text.includes(payload), `shown as text: ${payload}`);
    assert.equal(await preview.locator('#card').locator('script, style, img, a, foreignObject, [onclick], [onerror], [style]').count(), 0);
    // The colours the drawing refers to come from the preview's stylesheet: a node is not filled black.
    assert.notEqual(await diagram.locator('g.node rect').first().evaluate((rect) => getComputedStyle(rect).fill), 'rgb(0, 0, 0)');
    for (const node of await diagram.locator('g.node').all()) await node.click();
    await preview.locator('body').evaluate(() => console.log('mermaid console probe'));
    await waitForValue(async () => consoleMessages.includes('mermaid console probe'), Boolean, 'the probe in the console');
    await saveScreenshot(page, 'preview-mermaid-payloads');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(consoleMessages.filter((message) => /alert|Content Security Policy|Refused to|Ignored call/i.test(message)), []);
  });
});
