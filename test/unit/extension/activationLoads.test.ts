import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../helpers/trackerStores';

interface RequiresByPhase {
  load: string[];
  activate: string[];
  afterActivate: string[];
  command: string[];
}

/** What the built client (dist/client.js) requires as it loads, activates, starts the server and runs a command (test/helpers/activateClient.cjs). */
function requiresByPhase(): RequiresByPhase {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'test/helpers/activateClient.cjs')], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as RequiresByPhase;
}

// The extension host counts loading the main module and `activate` as the extension's activation.
describe('the VS Code client loads the language client and the commands after activation', () => {
  let requires: RequiresByPhase;
  before(() => (requires = requiresByPhase()));

  it('loads neither while its main module loads and activates', () => {
    for (const phase of [requires.load, requires.activate]) {
      assert.ok(!phase.includes('./languageClient.js'), phase.join(', '));
      assert.ok(!phase.includes('./commands.js'), phase.join(', '));
    }
  });

  it('loads the language client right after activation, to start the server', () => {
    assert.equal(requires.afterActivate[0], './languageClient.js');
  });

  it('loads the commands when one first runs', () => {
    assert.ok(!requires.afterActivate.includes('./commands.js'));
    assert.equal(requires.command[0], './commands.js');
  });
});
