/**
 * The workspace rows of `npm run bench`: the server indexing a folder of 2,000 generated documents
 * (model cards, datasheets, system cards linking them), its RSS after, and how long a change to a
 * model card takes to reach the cross-file findings of the system card that uses it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFiles } from '../test/helpers/cli';
import { LspTestClient } from '../test/helpers/lspClient';
import { generateCard } from './generateCard';
import { percentile } from './stats';

const documentCount = 2000;
const systemCount = 200;
const datasheetCount = 400;
const componentsPerSystem = 4;
const edits = 20;

/** Model cards of 150 lines, datasheets, and system cards each linking four model cards and a datasheet, all approved. */
function workspaceFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const modelCount = documentCount - systemCount - datasheetCount;
  for (let index = 0; index < modelCount; index++) files[`models/model-${index}.modelcard.yaml`] = generateCard(150, index + 1).text;
  for (let index = 0; index < datasheetCount; index++) {
    files[`data/dataset-${index}.datasheet.yaml`] = `name: dataset-${index}\nversion: '1'\nlicense: cc-by-4.0\ngovernance:\n  status: approved\n  reviews:\n    - {reviewer: Ana, decision: approved, date: 2026-11-02}\n`;
  }
  for (let index = 0; index < systemCount; index++) {
    const components = Array.from({ length: componentsPerSystem }, (_, part) => `  - id: model-${part}\n    kind: model\n    card: ../models/model-${(index * componentsPerSystem + part) % modelCount}.modelcard.yaml\n`);
    files[`systems/system-${index}.systemcard.yaml`] = `name: System ${index}
version: '1.0'
purpose: Answers questions
governance:
  status: approved
  reviews:
    - {reviewer: Ana, decision: approved, date: 2026-11-02}
components:
${components.join('')}  - id: corpus
    kind: index
    card: ../data/dataset-${index % datasheetCount}.datasheet.yaml
failure_modes:
  - name: Retrieval miss
`;
  }
  return files;
}

/** The CPU time (user + system) the process has used, in seconds: what a busy machine does not inflate. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // utime and stime, the 14th and 15th fields (11th and 12th after the command name), in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function rssMb(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function workspaceRows(): Promise<string[]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-bench-workspace-'));
  const files = workspaceFiles();
  writeFiles(folder, files);
  const uriOf = (file: string) => pathToFileURL(path.join(folder, file)).href;
  const started = performance.now();
  const client = await LspTestClient.start({ watchFiles: true, workspaceFolders: [pathToFileURL(folder).href] });
  try {
    const indexed = await client.waitFor(() => client.logs.find((line) => /indexed \d+ documents/.test(line)), 'the index', 120_000);
    const indexMs = performance.now() - started;
    const rss = rssMb(client.process.pid!);
    const cpu = cpuSeconds(client.process.pid!);

    // A system card and its first model card open; the card's status goes from approved to draft
    // and back: each change should reach the system card's MC122 finding.
    const system = uriOf('systems/system-0.systemcard.yaml');
    const model = 'models/model-0.modelcard.yaml';
    await client.open(system, files['systems/system-0.systemcard.yaml']);
    await client.open(uriOf(model), files[model]);
    await client.waitForDiagnostics(system);
    const statusLine = files[model].split('\n').indexOf('  status: approved');
    const times: number[] = [];
    for (let edit = 0; edit < edits; edit++) {
      const draft = edit % 2 === 0;
      const since = client.published.length;
      const sentAt = performance.now();
      await client.change(uriOf(model), edit + 2, [{ range: { start: { line: statusLine, character: 10 }, end: { line: statusLine, character: draft ? 18 : 15 } }, text: draft ? 'draft' : 'approved' }]);
      await client.waitFor(
        () => client.published.slice(since).find((params) => params.uri === system && params.diagnostics.some((diagnostic) => diagnostic.code === 'MC122') === draft),
        'the system card checked again',
      );
      times.push(performance.now() - sentAt);
    }
    return [
      `Workspace index (${documentCount} documents: ${documentCount - systemCount - datasheetCount} model cards of 150 lines, ${datasheetCount} datasheets, ${systemCount} system cards linking ${componentsPerSystem + 1} each):`,
      `  server start → index complete: ${(indexMs / 1000).toFixed(2)} s (target ≤ 5 s); the server says: ${indexed.replace(/^Model Card Studio: /, '')}; server CPU time ${cpu !== undefined ? `${cpu.toFixed(2)} s` : 'n/a'}`,
      `  server RSS after indexing: ${rss !== undefined ? `${rss.toFixed(0)} MB` : 'n/a'} (target ≤ 150 MB)`,
      `  change to a model card → its system card's cross-file findings: median ${percentile(times, 50).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${edits} edits (target ≤ 100 ms)`,
    ];
  } finally {
    await client.shutdown().catch(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  }
}
