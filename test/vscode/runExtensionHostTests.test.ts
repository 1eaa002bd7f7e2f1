import assert from 'node:assert/strict';
import { reportMarker } from './extensionHost/reportMarker';
import { runExtensionHostTests } from './harness/extensionHostTests';

describe('extension-host tests in a real VS Code (code-server)', function () {
  this.timeout(300_000);

  it('pass: activation, diagnostics, completion, quick fix, New Model Card, preview', async () => {
    const { exitCode, log } = await runExtensionHostTests(240_000);
    // The tests' report; when they fail, the workbench's log as well.
    const shown = exitCode === 0 ? log.filter(({ text }) => text.startsWith(reportMarker)) : log;
    console.log(shown.map(({ text }) => `    ${text.replace(reportMarker, '')}`).join('\n'));
    assert.equal(exitCode, 0, 'the extension-host tests failed (their report is above)');
  });
});
