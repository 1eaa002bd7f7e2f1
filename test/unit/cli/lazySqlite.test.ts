import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildMlflowDb, repoRoot, runIds, trickyRows } from '../../helpers/trackerStores';

/** What a Node process (started in the repository) required and opened while running `args`. */
function loadsOf(args: string[], folder: string): string[] {
  const record = path.join(folder, `loads-${Math.random().toString(36).slice(2)}.txt`);
  const run = spawnSync(process.execPath, ['--require', path.join(repoRoot, 'test/helpers/recordLoads.cjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, RECORD_LOADS: record },
    timeout: 60000,
  });
  assert.equal(run.error, undefined);
  return readFileSync(record, 'utf8').split('\n');
}

const bindsSqlite = (loads: string[]) => loads.filter((line) => /sqlite\.js|sqlite3\.wasm|sqliteReadOnly|sqlite-wasm/.test(line));

describe('the WASM SQLite is loaded only when a store is read', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-lazy-'));
    buildMlflowDb(path.join(folder, 'mlflow.db'), trickyRows());
    writeFileSync(
      path.join(folder, 'card.modelcard.yaml'),
      `name: x\nmetrics:\n  - name: accuracy\n    value: 0.91\n    source: {tracker: mlflow, store: mlflow.db, run: ${runIds.best}, key: accuracy}\n`,
    );
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('plain lint with the built CLI loads neither dist/sqlite.js nor sqlite3.wasm, even for a bound card', () => {
    const loads = loadsOf([path.join(repoRoot, 'dist/cli.js'), 'lint', path.join(folder, 'card.modelcard.yaml')], folder);
    assert.ok(loads.includes(`require ${path.join(repoRoot, 'dist/cli.js')}`));
    assert.deepEqual(bindsSqlite(loads), []);
  });

  it('lint --verify with the built CLI loads it (the control)', () => {
    const loads = loadsOf([path.join(repoRoot, 'dist/cli.js'), 'lint', '--verify', path.join(folder, 'card.modelcard.yaml')], folder);
    assert.ok(bindsSqlite(loads).length > 0);
  });
});
