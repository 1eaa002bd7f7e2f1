// Child processes for the real-editor tooling: run a command to completion, and end a whole
// process group (code-server, its extension host, the language server; Chromium) without orphans.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Runs a command, resolving with its output; rejects with that output when it exits with another code than 0. */
export function runToCompletion(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with code ${code}:\n${output}`));
    });
  });
}

export interface ProcessGroup {
  /** SIGTERM to the group, SIGKILL to whatever is left after a grace period; resolves once none is left. */
  stop(): Promise<void>;
}

const liveGroups = new Set<number>();
// Last resort when the runner itself ends without stopping its groups (an uncaught error, process.exit).
process.once('exit', () => {
  for (const groupId of liveGroups) signalGroup(groupId, 'SIGKILL');
});

/** `child` must have been spawned with `detached: true`: it leads a process group of its own. */
export function trackGroup(child: ChildProcess): ProcessGroup {
  const groupId = child.pid;
  if (groupId === undefined) return { stop: async () => undefined };
  liveGroups.add(groupId);
  return {
    stop: async () => {
      if (signalGroup(groupId, 'SIGTERM') && !(await groupEnded(groupId, 10_000))) {
        signalGroup(groupId, 'SIGKILL');
        await groupEnded(groupId, 5_000);
      }
      liveGroups.delete(groupId);
    },
  };
}

function signalGroup(groupId: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-groupId, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

async function groupEnded(groupId: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupHasLiveMembers(groupId)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50)); // polling interval, not a delay
  }
  return true;
}

/** Whether a process of the group still runs; zombies do not count (init may be slow to reap them). */
function groupHasLiveMembers(groupId: number): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    // Fields after the parenthesised command name: state, parent pid, process group.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === groupId && state !== 'Z') return true;
  }
  return false;
}
