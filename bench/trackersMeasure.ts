/**
 * One measurement of the tracker bench, in a fresh process (bench/trackers.ts starts it):
 * `list-and-fill <db> <card>` or `verify <card>...`. Prints {ms, cpuMs, extraMB} as JSON: the
 * time of the work, the CPU time it used (what a busy machine does not inflate), and the peak RSS
 * it added over the process after its modules were loaded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintCards } from '../server/src/cli/lint/runLint';
import { nodeTrackerIO } from '../server/src/node/nodeTrackerIO';
import { storeForCard } from '../server/src/node/storePaths';
import { createLanguageService } from '../server/src/service/languageService';
import { openTracker } from '../server/src/service/trackers/openTracker';

async function listAndFill(db: string, card: string): Promise<string> {
  const laps: string[] = [];
  let lapStart = performance.now();
  const lap = (what: string) => {
    laps.push(`${what} ${(performance.now() - lapStart).toFixed(0)} ms`);
    lapStart = performance.now();
  };
  const reader = await openTracker(nodeTrackerIO, 'mlflow', db);
  lap('open (WASM start included)');
  const runs = await reader.listRuns();
  lap(`list ${runs.length} runs`);
  const [run] = await reader.readRuns([runs[runs.length >> 1].id]);
  reader.close();
  lap('read one run');
  const document = TextDocument.create(pathToFileURL(card).href, 'modelcard', 1, readFileSync(card, 'utf8'));
  const outcome = createLanguageService().fillFromRun(document, { run, store: storeForCard(card, db), metrics: '*', params: '*' });
  lap(`fill (${outcome.edits.length} edits)`);
  return laps.join(', ');
}

async function verify(cards: string[]): Promise<string> {
  const output = await lintCards(cards, { format: 'json', rule: [], verify: true, jobs: 1 });
  const report = JSON.parse(output.stdout) as { files: { diagnostics: { code: string }[] }[] };
  const mismatches = report.files.flatMap((file) => file.diagnostics).filter((diagnostic) => diagnostic.code === 'MC061').length;
  return `${report.files.length} cards, ${mismatches} MC061 findings`;
}

async function main(): Promise<void> {
  const [task, ...args] = process.argv.slice(2);
  const before = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const detail = task === 'list-and-fill' ? await listAndFill(path.resolve(args[0]), path.resolve(args[1])) : await verify(args);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const extraMB = (process.resourceUsage().maxRSS * 1024 - before) / 1048576;
  process.stdout.write(JSON.stringify({ ms, cpuMs, extraMB, detail }));
}

void main();
