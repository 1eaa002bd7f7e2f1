import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../helpers/trackerStores';

/** What the built CLI required while running `args` (test/helpers/recordLoads.cjs). */
function requiresOf(args: string[], folder: string): string[] {
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

describe('the CycloneDX library (dist/cyclonedx.js) is loaded only by a CycloneDX export', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-lazy-cdx-'));
    copyFileSync(path.join(repoRoot, 'examples/speech-recognition.modelcard.yaml'), path.join(folder, 'speech.modelcard.yaml'));
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('lint and an MCT export do not load it; a CycloneDX export does', () => {
    assert.ok(!requiresOf(['lint', 'speech.modelcard.yaml'], folder).includes('require ./cyclonedx.js'));
    assert.ok(!requiresOf(['export', 'speech.modelcard.yaml', '--to', 'mct'], folder).includes('require ./cyclonedx.js'));
    assert.ok(requiresOf(['export', 'speech.modelcard.yaml', '--to', 'cyclonedx'], folder).includes('require ./cyclonedx.js'));
  });
});
