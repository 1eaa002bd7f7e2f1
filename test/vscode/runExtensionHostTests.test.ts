import assert from 'node:assert/strict';
import { runExtensionHostTests } from './harness/extensionHostTests';

describe('extension-host tests in a real VS Code (code-server)', function () {
  this.timeout(300_000);

  it('pass: activation, diagnostics, completion, quick fix, New Model Card', async () => {
    const { exitCode, log } = await runExtensionHostTests(240_000);
    console.log(log.map((line) => `      ${line}`).join('\n'));
    assert.equal(exitCode, 0, 'the extension-host tests failed (their report is above)');
  });
});
