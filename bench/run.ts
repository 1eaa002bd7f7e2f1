/**
 * `npm run bench`: our language server against Red Hat's yaml-language-server, given the same
 * schema, on generated cards: the bench's first card at 100, 1,000 and 10,000 lines, cards of four
 * other shapes (bench/cardShapes.ts) at 1,000 and 10,000 lines, and a 5 MB card opened once; then
 * the CLI on 1,000 cards and rendering one, the tracker rows (bench/trackers.ts), the import/export
 * rows (bench/interop.ts), the diagram rows (bench/diagrams.ts) and the workspace rows.
 * `npm run bench -- --shapes metrics-map,5mb` measures only the cards named (`--shapes all`: every one).
 * See bench/README.md.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { cardShapes, type CardShape } from './cardShapes';
import { generateCard, type GeneratedCard } from './generateCard';
import { cliReport, measureCli } from './measureCli';
import { measureFirstDiagnostics, measureServer, type FirstDiagnostics, type ServerMeasurement, type Workload } from './measureServer';
import { firstDiagnosticsTable, resultTable, shapeTable, type SizeResults } from './report';
import { ourServer, peerServer, type BenchServer } from './servers';
import { interopRows } from './interop';
import { trackerRows } from './trackers';
import { diagramRows } from './diagrams';
import { workspaceRows } from './workspace';

const workloads: Record<number, Workload> = {
  100: { edits: 50, warmupEdits: 10, requests: 30, warmupRequests: 10 },
  1000: { edits: 50, warmupEdits: 10, requests: 30, warmupRequests: 10 },
  10000: { edits: 20, warmupEdits: 4, requests: 20, warmupRequests: 5 },
};
/** The first card is measured at every size; the other shapes at the sizes issue 12 names. */
const sizes = (shape: CardShape) => (shape.name === 'mixed' ? [100, 1000, 10000] : [1000, 10000]);

/** The large card: the mixed shape grown to 5 MiB, opened once; each server gets this long to diagnose it. */
const largeCardBytes = 5 * 1024 * 1024;
const largeCardName = '5mb';
const largeCardTimeoutMs = 60_000;

interface Selection {
  shapes: CardShape[];
  largeCard: boolean;
  /** No `--shapes`: the CLI, tracker, import/export, diagram and workspace rows too. */
  everything: boolean;
}

async function main(): Promise<void> {
  let selection: Selection;
  try {
    selection = select(process.argv.slice(2));
  } catch (error) {
    console.error(`npm run bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
    return;
  }
  const startedAt = performance.now();
  const loadBefore = loadAverage();
  const mixed: SizeResults[] = [];
  const others: SizeResults[] = [];
  const cardNotes: string[] = [];
  for (const shape of selection.shapes) {
    for (const lines of sizes(shape)) {
      const card = shape.generate(lines);
      cardNotes.push(`${shape.name} at ${lines.toLocaleString('en-US')} lines: ${shape.count(card)}.`);
      (shape.name === 'mixed' ? mixed : others).push(await measureBoth(shape.name, card, workloads[lines]));
    }
  }
  const large = selection.largeCard ? await measureLargeCard() : undefined;

  if (mixed.length > 0) console.log(`${resultTable(mixed)}\n`);
  if (others.length > 0) console.log(`${shapeTable(others)}\n`);
  if (large) console.log(`${firstDiagnosticsTable([large.results])}\n`);
  console.log(notes([...mixed, ...others], cardNotes, large).join('\n'));
  if (selection.everything) await otherRows();
  console.log(`Machine: ${os.cpus().length} CPUs, Node ${process.version}, 1-minute load average ${loadBefore} before, ${loadAverage()} after; bench took ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`);
}

/** What `--shapes` asks for (a comma-separated list of card names, or `all`); everything without it. */
function select(args: string[]): Selection {
  const { values } = parseArgs({ args, options: { shapes: { type: 'string' } } });
  if (values.shapes === undefined) return { shapes: cardShapes, largeCard: true, everything: true };
  const known = [...cardShapes.map((shape) => shape.name), largeCardName];
  const names = values.shapes === 'all' ? known : values.shapes.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new Error(`unknown card ${unknown.join(', ')} in --shapes: use all or some of ${known.join(', ')}`);
  return { shapes: cardShapes.filter((shape) => names.includes(shape.name)), largeCard: names.includes(largeCardName), everything: false };
}

/** One server at a time, each in a fresh process, so they never compete for the CPU. */
async function measureBoth(name: string, card: GeneratedCard, workload: Workload): Promise<SizeResults> {
  const measure = (server: BenchServer) => measureOrError(server, `${name} card of ${card.lineCount} lines`, () => measureServer(server, card, workload));
  return { card: name, lines: card.lineCount, ours: await measure(ourServer), peer: await measure(peerServer) };
}

async function measureLargeCard(): Promise<{ results: SizeResults<FirstDiagnostics>; note: string }> {
  const card = cardOfSize(largeCardBytes);
  const megabytes = `${(card.text.length / 1024 / 1024).toFixed(1)} MiB`;
  const measure = (server: BenchServer) => measureOrError(server, `a ${megabytes} card`, () => measureFirstDiagnostics(server, card, largeCardTimeoutMs));
  const results = { card: `mixed, ${megabytes}`, lines: card.lineCount, ours: await measure(ourServer), peer: await measure(peerServer) };
  return { results, note: `${largeCardName}: the mixed card grown to ${card.text.length.toLocaleString('en-US')} characters, opened once; each server had ${largeCardTimeoutMs / 1000} s to publish its first diagnostics.` };
}

/** A mixed card of at least `bytes` characters (all ASCII), sized from the line length of a smaller one. */
function cardOfSize(bytes: number): GeneratedCard {
  const sample = generateCard(10000);
  return generateCard(Math.ceil((bytes / sample.text.length) * sample.lineCount * 1.01));
}

async function measureOrError<M>(server: BenchServer, what: string, measure: () => Promise<M>): Promise<M | Error> {
  process.stderr.write(`measuring ${server.label} on the ${what}...\n`);
  try {
    return await measure();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function otherRows(): Promise<void> {
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
}

function notes(results: SizeResults[], cardNotes: string[], large: { results: SizeResults<FirstDiagnostics>; note: string } | undefined): string[] {
  const lines = [
    `Peer: yaml-language-server ${peerVersion()} with yaml.schemas = schemas/modelcard.schema.json for *.modelcard.yaml. It waits`,
    `${peerServer.validationDelayMs} ms after a change before validating (validationDelayMs, hard-coded: no setting changes it); the "− debounce" row subtracts that.`,
    'Before measuring, each server had to report schema errors on every wrong line of a deliberately wrong card.',
    'Cards:',
    ...cardShapes.flatMap((shape) => {
      const counts = cardNotes.filter((note) => note.startsWith(`${shape.name} `)).map((note) => `  ${note}`);
      return counts.length > 0 ? [`- ${shape.name}: ${shape.summary}.`, ...counts] : [];
    }),
    ...(large ? [`- ${large.note}`] : []),
    ...results.flatMap((result) => sessionNotes(result, describe)),
    ...(large ? sessionNotes(large.results, (measurement) => `${measurement.diagnosticsOnOpen} diagnostics on the card.`) : []),
  ];
  return lines;
}

/** A line per server: what its session saw, or why it failed. */
function sessionNotes<M>({ card, lines, ours, peer }: SizeResults<M>, describeMeasurement: (measurement: M) => string): string[] {
  return ([['ours', ours], ['peer', peer]] as const).map(([label, measurement]) => {
    const where = `${label} on ${card} at ${lines.toLocaleString('en-US')} lines`;
    return measurement instanceof Error ? `FAILED ${where}: ${measurement.message}` : `${where}: ${describeMeasurement(measurement)}`;
  });
}

function describe(measurement: ServerMeasurement): string {
  const completion = measurement.completionItems
    ? `${measurement.completionItems.inMapping} completions in the mapping, ${measurement.completionItems.atTopLevel} at the top level`
    : 'no completionProvider';
  const hover = measurement.hoverMs ? `hover ${measurement.hoverAnswered ? 'answered' : 'returned nothing'}` : 'no hoverProvider';
  return `${measurement.diagnosticsOnOpen} diagnostics on the generated card; ${completion}; ${hover}.`;
}

function loadAverage(): string {
  return os.loadavg()[0].toFixed(1);
}

function peerVersion(): string {
  return (require('yaml-language-server/package.json') as { version: string }).version;
}

// A benchmark, not a test: missed targets and failed sessions are printed, and the exit code stays 0.
main().catch((error: unknown) => console.error('The bench failed:', error));
