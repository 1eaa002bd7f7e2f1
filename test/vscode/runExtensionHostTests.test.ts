import assert from 'node:assert/strict';
import { runExtensionHostTests } from './harness/extensionHostTests';

describe('extension-host tests in a real VS Code (code-server)', function () {
  this.timeout(300_000);

  it('pass: activation, diagnostics, completion, quick fix, New Model Card', async () => {
    const { exitCode, log } = await runExtensionHostTests(240_000);
    const shown = exitCode === 0 ? log.filter(({ level }) => level !== 'warn' && level !== 'error') : log;
    console.log(shown.map(({ text }) => `      ${text}`).join('\n'));
    assert.equal(exitCode, 0, 'the extension-host tests failed (their report is above)');
  });
});
