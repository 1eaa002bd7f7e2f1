import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requiresOf } from '../../helpers/cliLoads';
import { repoRoot } from '../../helpers/trackerStores';

describe('the Mermaid renderer (dist/mermaid.js) is loaded only for a ```mermaid block', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-lazy-mermaid-'));
    // The system card with the documents it links (lint checks its links).
    cpSync(path.join(repoRoot, 'examples/rag-assistant'), folder, { recursive: true });
    renameSync(path.join(folder, 'support-assistant.systemcard.yaml'), path.join(folder, 'system.systemcard.yaml'));
    writeFileSync(path.join(folder, 'drawn.modelcard.yaml'), 'name: Drawn\nlimitations: |\n  ```mermaid\n  flowchart LR\n    A --> B\n  ```\n');
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('lint and the render of a system card (its diagram is laid out by the service) do not load it; a page with a mermaid block does', () => {
    assert.ok(!requiresOf(['lint', 'system.systemcard.yaml'], folder).includes('require ./mermaid.js'));
    assert.ok(!requiresOf(['render', 'system.systemcard.yaml'], folder).includes('require ./mermaid.js'));
    assert.ok(requiresOf(['render', 'drawn.modelcard.yaml'], folder).includes('require ./mermaid.js'));
  });
});
