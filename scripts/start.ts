// `npm start`: builds the extension, installs it into a real VS Code (code-server, set up on
// first use), and serves the workbench with examples/ open until Ctrl-C. The address opens the RAG
// example's system card, whose preview (with its diagram) opens beside it: examples/.vscode/settings.json
// turns on `modelcard.preview.openAtStartup` for that folder only.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProfile, installExtension, startCodeServer, type RunningCodeServer } from './vscode/codeServer';
import { projectRoot } from './vscode/paths';
import { runToCompletion } from './vscode/processes';
import { ensureVscode, runScript } from './vscode/setup';

const examplesFolder = path.join(projectRoot, 'examples');
const firstDocument = path.join(examplesFolder, 'rag-assistant', 'support-assistant.systemcard.yaml');

/**
 * The workbench address that also opens `file`: the web workbench reads an `openFile` entry of its
 * `payload` query parameter, a URI on the server (`vscode-remote://<host>/<path>`).
 */
function openingFile(server: RunningCodeServer, file: string): string {
  const uri = `vscode-remote://${new URL(server.origin).host}${pathToFileURL(file).pathname}`;
  return `${server.workbenchUrl}&payload=${encodeURIComponent(JSON.stringify([['openFile', uri]]))}`;
}

async function main(): Promise<void> {
  await ensureVscode({ needBrowser: false });
  console.log('Building and packaging the extension ...');
  await runToCompletion('npm', ['run', 'build'], process.env, projectRoot);
  const profile = createProfile('start');
  console.log(`Installed ${await installExtension(profile)}`);
  const server = await startCodeServer({ profile, folder: examplesFolder, port: Number(process.env.PORT ?? 0) });
  stopOnSignals(server);
  console.log(`\nModel Card Studio in VS Code: ${openingFile(server, firstDocument)}\n(code-server log: ${path.relative(projectRoot, server.logFile)}; Ctrl-C stops it)`);
  const exitCode = await server.exited;
  await server.stop();
  if (!stopping) {
    console.error(`code-server ended on its own (exit code ${exitCode}); see ${server.logFile}`);
    process.exitCode = 1;
  }
}

let stopping = false;

function stopOnSignals(server: RunningCodeServer): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log('\nStopping code-server ...');
      void server.stop();
    });
  }
}

void runScript(main);
