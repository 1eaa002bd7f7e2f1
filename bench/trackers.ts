/**
 * The tracker rows of `npm run bench`: listing the runs of a 10,000-run, 1,000,000-metric-row
 * mlflow.db and filling a card from one of them; `lint --verify` on 100 cards bound to it. Each
 * is measured in a fresh process (bench/trackersMeasure.ts); the store is built in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storeShape, writeBenchStore, writeBoundCards } from './trackerStore';

interface Measured {
  ms: number;
  cpuMs: number;
  extraMB: number;
  detail: string;
}

const repoRoot = path.resolve(__dirname, '..');

function measure(args: string[]): Measured | Error {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--require', './test/helpers/textModules.cjs', 'bench/trackersMeasure.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (run.status !== 0) return new Error(run.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${run.status}`);
  return JSON.parse(run.stdout) as Measured;
}

export function trackerRows(): string[] {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-bench-trackers-'));
  try {
    const built = performance.now();
    const db = writeBenchStore(folder);
    const buildSeconds = (performance.now() - built) / 1000;
    const card = path.join(folder, 'fill.modelcard.yaml');
    writeFileSync(card, 'name: bench\nlimitations: Bench card\n');
    const cards = writeBoundCards(folder, 100);
    const rows: [string, Measured | Error, number, number | undefined][] = [
      ['list 10,000 runs + fill from one', measure(['list-and-fill', db, card]), 1500, 200],
      ['lint --verify, 100 bound cards', measure(['verify', ...cards]), 3000, undefined],
    ];
    const sizeMB = statSync(db).size / 1048576;
    return [
      `Load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs: on a busy machine the time exceeds the CPU time the work used.`,
      `Trackers: mlflow.db from MLflow's DDL, ${storeShape.runs.toLocaleString('en')} runs, ${storeShape.metricRows.toLocaleString('en')} metric rows, ${sizeMB.toFixed(0)} MB (built in ${buildSeconds.toFixed(1)} s with sqlite3)`,
      '| task | time | CPU time | target | peak extra memory | target | |',
      '|---|---|---|---|---|---|---|',
      ...rows.map(([task, result, timeTarget, memoryTarget]) =>
        result instanceof Error
          ? `| ${task} | FAILED: ${result.message} | | ≤ ${timeTarget} ms | | | |`
          : `| ${task} | ${result.ms.toFixed(0)} ms${result.ms > timeTarget ? ' (over)' : ''} | ${result.cpuMs.toFixed(0)} ms | ≤ ${timeTarget} ms | ${result.extraMB.toFixed(0)} MB${memoryTarget !== undefined && result.extraMB > memoryTarget ? ' (over)' : ''} | ${memoryTarget !== undefined ? `≤ ${memoryTarget} MB` : ''} | ${result.detail} |`,
      ),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) console.log(trackerRows().join('\n'));
