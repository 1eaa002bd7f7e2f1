/**
 * The diagram rows of `npm run bench`: rendering a 50-component system card (bench/diagramsMeasure.ts,
 * in a fresh process), the Mermaid renderer's first load and its drawing times, the bundles'
 * sizes, and which modules the built server loads when it starts and renders a system card (the
 * Mermaid renderer must not be one of them) and then a card with a ```mermaid block.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { renderRequest } from '../server/src/protocol';
import { generateSystemCard } from './generateSystemCard';

const repoRoot = path.resolve(__dirname, '..');

interface Measured {
  components: number;
  edges: number;
  renderMs: number;
  diagramMs: number;
  mermaidExportMs: number;
  firstBlockMs: number;
  smallBlockMs: number;
  bigBlockMs: number;
}

export async function diagramRows(): Promise<string[]> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--require', './test/helpers/textModules.cjs', 'bench/diagramsMeasure.ts'], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) return [`Diagrams: FAILED ${run.stderr.trim().split('\n').slice(-3).join(' ')}`];
  const measured = JSON.parse(run.stdout) as Measured;
  const loads = await serverLoads();
  const size = (file: string) => `${(statSync(path.join(repoRoot, 'dist', file)).size / 1024).toFixed(0)} KB`;
  return [
    `Diagrams (${measured.components} components, ${measured.edges} data-flow edges; medians):`,
    `  system card rendered for the preview, diagram included  ${measured.renderMs.toFixed(1)} ms`,
    `  the diagram alone (layout and SVG)                      ${measured.diagramMs.toFixed(2)} ms`,
    `  its Mermaid source                                      ${measured.mermaidExportMs.toFixed(2)} ms`,
    `Mermaid blocks (beautiful-mermaid, dist/mermaid.js ${size('mermaid.js')}; dist/server.js ${size('server.js')}):`,
    `  first block, loading the renderer                       ${measured.firstBlockMs.toFixed(0)} ms`,
    `  a 2-node flowchart, loaded                              ${measured.smallBlockMs.toFixed(1)} ms`,
    `  a 50-node flowchart, loaded                             ${measured.bigBlockMs.toFixed(0)} ms`,
    `Server start and a system card's preview load the Mermaid renderer: ${loads.systemCard ? 'YES (it should not)' : 'no'}; a card with a mermaid block: ${loads.mermaidBlock ? 'yes' : 'NO (it should)'}.`,
  ];
}

/** Whether the built server, started afresh for each, requires dist/mermaid.js to render a system card; a card with a ```mermaid block. */
async function serverLoads(): Promise<{ systemCard: boolean; mermaidBlock: boolean }> {
  const systemCard = await requiresAfterRendering('file:///bench/system.systemcard.yaml', generateSystemCard(50));
  const mermaidBlock = await requiresAfterRendering('file:///bench/drawn.modelcard.yaml', 'name: Drawn\nlimitations: |\n  ```mermaid\n  flowchart LR\n    A --> B\n  ```\n');
  return { systemCard: systemCard.includes('require ./mermaid.js'), mermaidBlock: mermaidBlock.includes('require ./mermaid.js') };
}

/** The modules the built server required from its start to its exit, having opened and rendered one document (test/helpers/recordLoads.cjs). */
async function requiresAfterRendering(uri: string, text: string): Promise<string[]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-bench-diagrams-'));
  const record = path.join(folder, 'loads.txt');
  const child = spawn(process.execPath, ['--require', path.join(repoRoot, 'test/helpers/recordLoads.cjs'), path.join(repoRoot, 'dist/server.js'), '--stdio'], {
    env: { ...process.env, RECORD_LOADS: record },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'modelcard', version: 1, text } });
    await connection.sendRequest(renderRequest, { textDocument: { uri }, audience: 'developer' });
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await exited;
    return readFileSync(record, 'utf8').split('\n').filter((line) => line.startsWith('require '));
  } finally {
    connection.dispose();
    child.kill();
    rmSync(folder, { recursive: true, force: true });
  }
}
