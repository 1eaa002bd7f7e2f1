// The extension-host tests in desktop VS Code, for a machine that can download it:
// `node --import tsx test/vscode/runWithTestElectron.ts`. (Here, offline, `npm run test:vscode`
// runs the same tests in code-server instead.)
import { runTests } from '@vscode/test-electron';
import { projectRoot } from '../../scripts/vscode/paths';
import { bundleExtensionHostTests } from './harness/extensionHostTests';
import { createTestWorkspace, deleteTestWorkspace } from './harness/testWorkspace';

async function main(): Promise<void> {
  const extensionTestsPath = await bundleExtensionHostTests();
  const workspace = createTestWorkspace('test-electron');
  try {
    await runTests({
      version: '1.139.1', // the VS Code that code-server 4.139.1 embeds
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    deleteTestWorkspace(workspace);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
