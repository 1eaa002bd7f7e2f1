import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './trackerStores';

/** What the built CLI required while running `args` (test/helpers/recordLoads.cjs). */
export function requiresOf(args: string[], folder: string): string[] {
  const record = path.join(folder, `loads-${Math.random().toString(36).slice(2)}.txt`);
  const run = spawnSync(process.execPath, ['--require', path.join(repoRoot, 'test/helpers/recordLoads.cjs'), path.join(repoRoot, 'dist/cli.js'), ...args], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, RECORD_LOADS: record },
    timeout: 60000,
  });
  assert.equal(run.status, 0, run.stderr);
  return readFileSync(record, 'utf8').split('\n').filter((line) => line.startsWith('require '));
}
