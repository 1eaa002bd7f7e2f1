import { execFileSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');

/**
 * The environment for git and for tools that call it: no user or system configuration (a global
 * `core.hooksPath` or commit signing would change what is tested), and a fixed identity.
 */
export const isolatedGitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Model Card Studio tests',
  GIT_AUTHOR_EMAIL: 'tests@example.invalid',
  GIT_COMMITTER_NAME: 'Model Card Studio tests',
  GIT_COMMITTER_EMAIL: 'tests@example.invalid',
};

export function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, env: isolatedGitEnv, encoding: 'utf8' });
}

/**
 * Copies this working tree as it is into `target`: the tracked files with their changes not yet
 * committed, and the untracked files git does not ignore (no dist/, node_modules/ or scratch/).
 */
export function copyWorkingTree(target: string): void {
  const files = git(repoRoot, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0').filter(Boolean);
  // A tracked file deleted from the working tree is left out.
  for (const file of files.filter((file) => existsSync(path.join(repoRoot, file)))) {
    cpSync(path.join(repoRoot, file), path.join(target, file));
  }
}

/**
 * Makes `target` a git repository whose one commit holds this working tree as it is (see
 * `copyWorkingTree`). What the tests install from it is what is on disk. Returns the commit's hash.
 */
export function snapshotWorkingTree(target: string): string {
  copyWorkingTree(target);
  git(target, ['init', '-q', '-b', 'main']);
  git(target, ['add', '-A']);
  git(target, ['commit', '-q', '-m', 'Snapshot of the Model Card Studio working tree']);
  return git(target, ['rev-parse', 'HEAD']).trim();
}
