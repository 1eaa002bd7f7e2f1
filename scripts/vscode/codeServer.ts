// Starts and stops code-server (the real VS Code server + web workbench) and installs this
// extension into it. Used by `npm start` and by the real-editor tests.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeServerEnvironment } from './setup';
import { codeServerEntry, logsDir, node24Executable, profilesDir, projectRoot } from './paths';
import { extensionFolderPrefix, packageExtension } from './extensionPackage';
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

/** Installs the extension as users get it: packages the .vsix (`npm run package`) and installs that. */
export async function installExtension(profile: Profile): Promise<string> {
  // Remove earlier installs first (another version; a link to the project, which a .vsix would unpack into).
  for (const entry of readdirSync(profile.extensionsDir)) {
    if (entry.startsWith(extensionFolderPrefix())) rmSync(path.join(profile.extensionsDir, entry), { recursive: true, force: true });
  }
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
  logFile: string;
  /** Everything code-server printed so far. */
  output(): string;
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
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${timeoutMs} ms; log: ${logFile}\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      log.write(chunk);
      const listening = listeningPattern.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    void exited.then((code) => reject(new Error(`code-server exited (code ${code}) before listening; log: ${logFile}\n${output}`)));
  }).catch(async (error: unknown) => {
    await group.stop();
    throw error;
  });
  return {
    origin,
    workbenchUrl: `${origin}/?folder=${encodeURIComponent(folder).replaceAll('%2F', '/')}`,
    logFile,
    output: () => output,
    exited,
    stop: async () => {
      await group.stop();
      log.end();
    },
  };
}

function profileArgs(profile: Profile): string[] {
  return [`--user-data-dir=${profile.userDataDir}`, `--extensions-dir=${profile.extensionsDir}`];
}
