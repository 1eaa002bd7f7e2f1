import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requiresOf } from '../../helpers/cliLoads';
import { repoRoot } from '../../helpers/trackerStores';

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
