// Entry point of the extension-host tests (`extensionTestsPath`), loaded by VS Code exactly as
// @vscode/test-electron loads it: VS Code calls `run()`, a rejection means failure.
import { mocha } from './mochaSetup';
import './activation.test';
import './diagnostics.test';
import './completion.test';
import './quickFix.test';
import './newModelCard.test';
import './documentKinds.test';
import './preview.test';
import './fillFromRun.test';
import './interop.test';
import './workspace.test';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures === 0 ? resolve() : reject(new Error(`${failures} extension-host test(s) failed`))));
  });
}
