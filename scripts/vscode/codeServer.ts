// Starts and stops code-server (the real VS Code server + web workbench) and installs this
// extension into it. Used by `npm start` and by the real-editor tests.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { codeServerEnvironment } from './setup';
import { codeServerEntry, logsDir, node24Executable, profilesDir, projectRoot } from './paths';
import { packageExtension } from './extensionPackage';
import { runToCompletion, trackGroup } from './processes';

/** A user-data dir and an extensions dir of their own, so runs never share state with each other or with $HOME. */
export interface Profile {
  name: string;
  userDataDir: string;
  extensionsDir: string;
}

/**
 * Settings without which a chat side bar takes a third of the window and telemetry errors fill the
 * log; and, as in desktop VS Code, no auto-save (the web workbench saves edits after a delay by default).
 */
const userSettings = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
};

export function createProfile(name: string): Profile {
  const root = path.join(profilesDir, name);
  const profile = { name, userDataDir: path.join(root, 'user-data'), extensionsDir: path.join(root, 'extensions') };
  mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  mkdirSync(profile.extensionsDir, { recursive: true });
  writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  return profile;
}

export function deleteProfile(profile: Profile): void {
  rmSync(path.dirname(profile.userDataDir), { recursive: true, force: true });
}

/** Installs the extension as users get it: packages the .vsix (`npm run package`) and installs that, over any earlier install. */
export async function installExtension(profile: Profile): Promise<string> {
  const vsix = await packageExtension();
  await runToCompletion(node24Executable, [codeServerEntry, ...profileArgs(profile), '--force', '--install-extension', vsix], codeServerEnvironment());
  return path.relative(projectRoot, vsix);
}

export interface StartOptions {
  profile: Profile;
  /** The folder the workbench opens. */
  folder: string;
  /** 0 picks a free port. */
  port?: number;
  /** More code-server flags, e.g. `--vscode-option enable-smoke-test-driver`. */
  extraArgs?: string[];
  /** Guard on the wait for the server to listen. */
  timeoutMs?: number;
  /** The log goes to `.vscode-test/logs/code-server-<logName>.log`, overwritten by the next run. */
  logName?: string;
}

export interface RunningCodeServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The workbench with the folder open. */
  workbenchUrl: string;
  /** Everything code-server prints. */
  logFile: string;
  /** Resolves when code-server exits (its exit code). */
  readonly exited: Promise<number | null>;
  /** Ends code-server and every process it started (extension host, language server). */
  stop(): Promise<void>;
}

const listeningPattern = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//;

export async function startCodeServer({ profile, folder, port = 0, extraArgs = [], timeoutMs = 60_000, logName = profile.name }: StartOptions): Promise<RunningCodeServer> {
  const args = [
    codeServerEntry,
    `--bind-addr=127.0.0.1:${port}`,
    '--auth=none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...profileArgs(profile),
    ...extraArgs,
    folder,
  ];
  const environment = codeServerEnvironment();
  delete environment.PORT; // code-server would prefer $PORT to --bind-addr
  // Its own process group, so that stop() (and Ctrl-C in `npm start`) can end the whole tree.
  const child = spawn(node24Executable, args, { env: environment, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const group = trackGroup(child);
  mkdirSync(logsDir, { recursive: true });
  const logFile = path.join(logsDir, `code-server-${logName}.log`);
  const log = createWriteStream(logFile);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = await listeningOrigin(child, exited, logFile, timeoutMs).catch(async (error: unknown) => {
    await group.stop();
    throw error;
  });
  return {
    origin,
    workbenchUrl: `${origin}/?folder=${encodeURIComponent(folder).replaceAll('%2F', '/')}`,
    logFile,
    exited,
    stop: async () => {
      await group.stop();
      log.end();
    },
  };
}

/** The address code-server reports once it listens; rejects if it exits or the guard runs out first. */
function listeningOrigin(child: ChildProcessByStdio<null, Readable, Readable>, exited: Promise<number | null>, logFile: string, timeoutMs: number): Promise<string> {
  let startupOutput = ''; // for the error message
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${timeoutMs} ms; log: ${logFile}\n${startupOutput}`)), timeoutMs);
    const onStartupData = (chunk: Buffer) => {
      startupOutput += String(chunk);
      const listening = listeningPattern.exec(startupOutput);
      if (listening) {
        clearTimeout(timer);
        child.stdout.off('data', onStartupData);
        child.stderr.off('data', onStartupData);
        resolve(listening[1]);
      }
    };
    child.stdout.on('data', onStartupData);
    child.stderr.on('data', onStartupData);
    child.once('error', reject);
    void exited.then((code) => reject(new Error(`code-server exited (code ${code}) before listening; log: ${logFile}\n${startupOutput}`)));
  });
}

function profileArgs(profile: Profile): string[] {
  return [`--user-data-dir=${profile.userDataDir}`, `--extensions-dir=${profile.extensionsDir}`];
}
