import { Worker } from 'node:worker_threads';
import type { LanguageService } from '../../service/languageService';
import { lintCard, type LintedCard, type LintTask } from './lintCard';

/**
 * Cards a thread needs to pay for itself: starting a worker (loading the bundle, warming up the
 * JIT) costs about 300 ms of CPU, the time one thread takes for about 90 cards (3.4 ms a card,
 * a third of them 300 lines). Measured with `npm run bench`; see bench/README.md.
 */
export const cardsPerThread = 90;
/** Cards per message: enough to make messaging cheap, few enough to share out the last ones evenly. */
const chunkSize = 8;
/** Chunks a worker holds at once, so it never waits for the main thread to hand it the next one. */
const chunksInFlight = 2;

/** A chunk of tasks, by the index of its first one. */
export interface ChunkMessage {
  start: number;
  tasks: LintTask[];
}

export interface ChunkResult {
  start: number;
  cards: LintedCard[];
}

/** How many threads to lint `cardCount` cards on, given `cores`: one per core, once each has enough cards to pay for starting it. */
export function threadCount(cardCount: number, cores: number): number {
  return Math.max(1, Math.min(cores, Math.floor(cardCount / cardsPerThread)));
}

/**
 * Lints every task, in order, on `threads` threads: the main thread lints too, and `threads - 1`
 * workers (`workerScript` started with `startLintWorker`) take chunks of cards as they finish.
 */
export async function lintAll(
  service: LanguageService,
  tasks: readonly LintTask[],
  threads: number,
  workerScript: string,
  onProgress: (done: number) => void,
): Promise<LintedCard[]> {
  const results: LintedCard[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const takeChunk = (): ChunkMessage | undefined => {
    if (next >= tasks.length) return undefined;
    const start = next;
    next = Math.min(tasks.length, next + chunkSize);
    return { start, tasks: tasks.slice(start, next) };
  };
  const store = ({ start, cards }: ChunkResult) => {
    cards.forEach((card, index) => (results[start + index] = card));
    done += cards.length;
    onProgress(done);
  };
  const workers = Array.from({ length: Math.min(threads - 1, Math.ceil(tasks.length / chunkSize)) }, () => runWorker(workerScript, takeChunk, store));
  for (let chunk = takeChunk(); chunk; chunk = takeChunk()) {
    store({ start: chunk.start, cards: chunk.tasks.map((task) => lintCard(service, task)) });
    // Let the workers' results in, and hand them their next chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  return results;
}

function runWorker(script: string, takeChunk: () => ChunkMessage | undefined, store: (result: ChunkResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { lintWorker: true } });
    let pending = 0;
    let finished = false;
    const send = () => {
      const chunk = takeChunk();
      if (chunk) {
        pending++;
        worker.postMessage(chunk);
      } else if (pending === 0 && !finished) {
        finished = true;
        void worker.terminate().then(() => resolve());
      }
    };
    worker.on('message', (result: ChunkResult) => {
      pending--;
      store(result);
      send();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (pending > 0) reject(new Error(`a lint worker stopped (exit code ${code}) with cards still to lint`));
    });
    for (let index = 0; index < chunksInFlight; index++) send();
  });
}
