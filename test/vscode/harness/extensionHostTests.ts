// Runs the extension-host tests (test/vscode/extensionHost/) the way @vscode/test-electron does,
// but inside code-server: its smoke-test driver honours the `extensionDevelopmentPath` and
// `extensionTestsPath` of a `payload` URL and reports the result to `window.codeAutomationExit`.
import path from 'node:path';
import { format } from 'node:util';
import * as esbuild from 'esbuild';
import { projectRoot } from '../../../scripts/vscode/paths';
import { createTestWorkspace, deleteTestWorkspace } from './testWorkspace';
import { openWorkbench } from './workbench';

/** Bundles the tests into one CommonJS file the extension host can load; returns its path. */
export async function bundleExtensionHostTests(): Promise<string> {
  const outfile = path.join(projectRoot, 'out', 'vscode-tests', 'extensionHost.js');
  await esbuild.build({
    entryPoints: [path.join(projectRoot, 'test', 'vscode', 'extensionHost', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // `vscode` is the extension host's own; Mocha is loaded from the project's node_modules.
    external: ['vscode', 'mocha'],
    loader: { '.yaml': 'text' }, // the card templates, as the client bundles them
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

export interface LogEntry {
  level: string;
  text: string;
}

export interface ExtensionHostRun {
  exitCode: number;
  log: LogEntry[];
}

/** Runs the bundled tests in a fresh code-server with a fresh test workspace; resolves with their exit code. */
export async function runExtensionHostTests(timeoutMs: number): Promise<ExtensionHostRun> {
  const testsPath = await bundleExtensionHostTests();
  const folder = createTestWorkspace('extension-host');
  const workbench = await openWorkbench({
    name: 'extension-host',
    folder,
    installExtension: false, // loaded as the extension under development instead
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  const log: LogEntry[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const { page, server } = workbench;
    let reportExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) =>
      log.push({ level, text: Array.isArray(args) ? format(...args) : String(args) }),
    );
    const remote = (file: string) => `vscode-remote://${new URL(server.origin).host}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(projectRoot)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    await page.goto(`${server.workbenchUrl}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the extension-host tests did not finish within ${timeoutMs} ms:\n${log.map(({ text }) => text).join('\n')}`)), timeoutMs);
    });
    const serverDied = server.exited.then((code): never => {
      throw new Error(`code-server exited (code ${code}) during the tests; log: ${server.logFile}`);
    });
    serverDied.catch(() => undefined); // it also exits, later, when the workbench closes
    return { exitCode: await Promise.race([exited, timedOut, serverDied]), log };
  } finally {
    clearTimeout(timer);
    await workbench.close();
    deleteTestWorkspace(folder);
  }
}
