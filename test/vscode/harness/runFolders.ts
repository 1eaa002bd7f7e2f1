// Folders of one test run (a profile, a workspace) are named `<name>-<pid>`, so that runs never
// share one. A run stopped by Ctrl-C cannot delete its own; the next run does.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** `<name>-<pid>`, after removing the folders in `parent` that belong to runs that have ended. */
export function runFolderName(parent: string, name: string): string {
  for (const entry of safeReaddir(parent)) {
    const pid = /-(\d+)$/.exec(entry)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
  return `${name}-${process.pid}`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
