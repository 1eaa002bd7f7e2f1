/**
 * `npm run bench`: our language server against Red Hat's yaml-language-server, given the same
 * schema, on generated cards of 100, 1,000 and 10,000 lines; then the CLI on 1,000 cards and
 * rendering one, the tracker rows (bench/trackers.ts), the import/export rows (bench/interop.ts)
 * and the diagram rows (bench/diagrams.ts).
 * See bench/README.md.
 */
import os from 'node:os';
import { generateCard, type GeneratedCard } from './generateCard';
import { cliReport, measureCli } from './measureCli';
import { measureServer, type ServerMeasurement, type Workload } from './measureServer';
import { resultTable, type SizeResults } from './report';
import { ourServer, peerServer, type BenchServer } from './servers';
import { interopRows } from './interop';
import { trackerRows } from './trackers';
import { diagramRows } from './diagrams';
import { workspaceRows } from './workspace';

const runs: { lines: number; workload: Workload }[] = [
  { lines: 100, workload: { edits: 50, warmupEdits: 10, requests: 30, warmupRequests: 10 } },
  { lines: 1000, workload: { edits: 50, warmupEdits: 10, requests: 30, warmupRequests: 10 } },
  { lines: 10000, workload: { edits: 20, warmupEdits: 4, requests: 20, warmupRequests: 5 } },
];

async function main(): Promise<void> {
  const startedAt = performance.now();
  const loadBefore = loadAverage();
  const results: SizeResults[] = [];
  for (const { lines, workload } of runs) {
    const card = generateCard(lines);
    // One server at a time, each in a fresh process, so they never compete for the CPU.
    const ours = await measureOrError(ourServer, card, workload);
    const peer = await measureOrError(peerServer, card, workload);
    results.push({ lines, ours, peer });
  }
  console.log(resultTable(results));
  console.log();
  console.log(notes(results).join('\n'));
  process.stderr.write('measuring the CLI on 1,000 cards...\n');
  console.log();
  console.log(cliReport(measureCli()));
  console.log();
  process.stderr.write('measuring the tracker readers (building a 10,000-run mlflow.db)...\n');
  console.log(trackerRows().join('\n'));
  console.log();
  console.log((await interopRows()).join('\n'));
  console.log();
  process.stderr.write('measuring the diagrams...\n');
  console.log((await diagramRows()).join('\n'));
  console.log();
  process.stderr.write('measuring the workspace index (2,000 generated documents)...\n');
  console.log((await workspaceRows()).join('\n'));
  console.log(`Machine: ${os.cpus().length} CPUs, Node ${process.version}, 1-minute load average ${loadBefore} before, ${loadAverage()} after; bench took ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`);
}

async function measureOrError(server: BenchServer, card: GeneratedCard, workload: Workload): Promise<ServerMeasurement | Error> {
  process.stderr.write(`measuring ${server.label} on ${card.lineCount} lines...\n`);
  try {
    return await measureServer(server, card, workload);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function notes(results: SizeResults[]): string[] {
  const lines = [
    `Peer: yaml-language-server ${peerVersion()} with yaml.schemas = schemas/modelcard.schema.json for *.modelcard.yaml. It waits`,
    `${peerServer.validationDelayMs} ms after a change before validating (validationDelayMs, hard-coded: no setting changes it); the "− debounce" row subtracts that.`,
    'Before measuring, each server had to report schema errors on every wrong line of a deliberately wrong card.',
  ];
  for (const { lines: size, ours, peer } of results) {
    for (const [label, measurement] of [['ours', ours], ['peer', peer]] as const) {
      lines.push(measurement instanceof Error ? `FAILED ${label} at ${size} lines: ${measurement.message}` : describe(label, size, measurement));
    }
  }
  return lines;
}

function describe(label: string, size: number, measurement: ServerMeasurement): string {
  const completion = measurement.completionItems
    ? `${measurement.completionItems.inMapping} completions in the mapping, ${measurement.completionItems.atTopLevel} at the top level`
    : 'no completionProvider';
  const hover = measurement.hoverMs ? `hover ${measurement.hoverAnswered ? 'answered' : 'returned nothing'}` : 'no hoverProvider';
  return `${label} at ${size} lines: ${measurement.diagnosticsOnOpen} diagnostics on the generated card; ${completion}; ${hover}.`;
}

function loadAverage(): string {
  return os.loadavg()[0].toFixed(1);
}

function peerVersion(): string {
  return (require('yaml-language-server/package.json') as { version: string }).version;
}

// A benchmark, not a test: missed targets and failed sessions are printed, and the exit code stays 0.
main().catch((error: unknown) => console.error('The bench failed:', error));
