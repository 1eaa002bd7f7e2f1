import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { writeCardFolder } from './cardFolder';

const cli = path.resolve(__dirname, '../dist/cli.js');
const smilingDetection = path.resolve(__dirname, '../examples/smiling-detection.modelcard.yaml');

export interface CliTiming {
  /** Wall time of the best run, process start included. */
  wallMs: number;
  /** CPU time (user + system, all threads) of that run, where /usr/bin/time can tell. */
  cpuMs?: number;
}

/** Runs `node dist/cli.js args` `runs` times and keeps the fastest (wall clock). */
function timeCli(args: string[], cwd: string, runs: number): CliTiming {
  let best: CliTiming | undefined;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    // GNU time writes "user system" seconds of the process and its threads to stderr, last line.
    const result = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, cli, ...args], { cwd, encoding: 'utf8' });
    const wallMs = performance.now() - started;
    const timed = result.error ? spawnSync(process.execPath, [cli, ...args], { cwd }) : result;
    const [user, system] = (result.error ? '' : String(result.stderr).trim().split('\n').pop() ?? '').split(' ').map(Number);
    const timing = { wallMs: result.error ? performance.now() - started : wallMs, cpuMs: Number.isFinite(user + system) ? (user + system) * 1000 : undefined };
    if (timed.status !== 0 && timed.status !== 1) throw new Error(`modelcard ${args.join(' ')} failed: ${String(timed.stderr)}`);
    if (!best || timing.wallMs < best.wallMs) best = timing;
  }
  return best!;
}

export interface CliMeasurements {
  lint1000: CliTiming;
  lint1000OneThread: CliTiming;
  renderHtml: CliTiming;
  /** Wall time of lint on N cards, on one thread and with workers (--jobs 2). */
  breakEven: { cards: number; oneThreadMs: number; twoThreadsMs: number }[];
}

/** `modelcard lint` of 1,000 generated cards (a third of them 300 lines, the rest 30), the worker break-even, and `render --format html`. */
export function measureCli(): CliMeasurements {
  const folder = writeCardFolder(1000);
  try {
    const lint1000 = timeCli(['lint', '.'], folder, 3);
    const lint1000OneThread = timeCli(['lint', '--jobs', '1', '.'], folder, 2);
    const breakEven = [16, 32, 64, 96, 128, 256].map((cards) => {
      // The cards in order: a third of them rich, as in the whole folder.
      const names = Array.from({ length: cards }, (_, index) => `card-${String(index).padStart(4, '0')}.modelcard.yaml`);
      return {
        cards,
        oneThreadMs: timeCli(['lint', '--jobs', '1', ...names], folder, 3).wallMs,
        twoThreadsMs: timeCli(['lint', '--jobs', '2', ...names], folder, 3).wallMs,
      };
    });
    const renderHtml = timeCli(['render', '--format', 'html', smilingDetection], folder, 5);
    return { lint1000, lint1000OneThread, renderHtml, breakEven };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The CLI rows of the bench output. */
export function cliReport({ lint1000, lint1000OneThread, renderHtml, breakEven }: CliMeasurements): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const cpu = (timing: CliTiming) => (timing.cpuMs === undefined ? '' : `, CPU ${seconds(timing.cpuMs)} (${(timing.cpuMs / timing.wallMs).toFixed(1)} cores busy)`);
  const met = (ms: number, target: number) => (ms <= target ? 'met' : 'NOT met');
  const firstFaster = breakEven.find((row) => row.twoThreadsMs < row.oneThreadMs);
  return [
    '| CLI | measured | target | met |',
    '| --- | --- | --- | --- |',
    `| lint 1,000 cards (auto threads) | ${seconds(lint1000.wallMs)} wall${cpu(lint1000)} | ≤ 2 s | ${met(lint1000.wallMs, 2000)} |`,
    `| lint 1,000 cards, --jobs 1 | ${seconds(lint1000OneThread.wallMs)} wall${cpu(lint1000OneThread)} | | |`,
    `| render --format html, smiling-detection | ${Math.round(renderHtml.wallMs)} ms wall${cpu(renderHtml)} | ≤ 300 ms | ${met(renderHtml.wallMs, 300)} |`,
    '',
    `Worker break-even (wall, best of 3; cards: one thread / --jobs 2): ${breakEven.map((row) => `${row.cards}: ${Math.round(row.oneThreadMs)}/${Math.round(row.twoThreadsMs)} ms`).join('; ')}.`,
    firstFaster ? `Two threads first win at ${firstFaster.cards} cards.` : 'Two threads never won here.',
  ].join('\n');
}
