import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serverPath } from '../helpers/lspClient';

const checkScript = path.resolve(__dirname, 'neovim/check.lua');

interface NeovimReport {
  diagnostics: { code: string; line: number; character: number; endLine: number; endCharacter: number; severity: number }[];
  completion: string[];
  hover: string;
}

/** Opens `card` in headless Neovim 0.7+ (Debian's `neovim`), attached to `node dist/server.js --stdio`. */
function runNeovim(card: string): NeovimReport {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-nvim-'));
  try {
    writeFileSync(path.join(folder, 'card.modelcard.yaml'), card);
    const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${checkScript}`, 'card.modelcard.yaml'], {
      cwd: folder,
      env: { ...process.env, MODELCARD_SERVER: serverPath },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.error, undefined, `nvim could not run (apt-get install -y neovim): ${String(result.error)}`);
    assert.equal(result.status, 0, `nvim failed: ${result.stdout}${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').pop()!) as NeovimReport;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('Neovim as a second LSP client', () => {
  it('shows the server’s diagnostics, completion and hover for a card', () => {
    const report = runNeovim("name: ImageClassifier\nversion: '1.0'\nmetrics:\n  accuracy: 0.92\n\n");
    assert.deepEqual(report.diagnostics.find((diagnostic) => diagnostic.code === 'MC001'), {
      code: 'MC001',
      line: 0,
      character: 0,
      endLine: 0,
      endCharacter: 4,
      severity: 1,
    });
    assert.ok(report.completion.includes('limitations'));
    assert.ok(report.completion.includes('intended_use'));
    assert.ok(!report.completion.includes('metrics'));
    assert.match(report.hover, /^\*\*name\*\*/);
  });
});
