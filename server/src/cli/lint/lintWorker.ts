import { parentPort } from 'node:worker_threads';
import { createLanguageService } from '../../service/languageService';
import { lintCard } from './lintCard';
import type { ChunkMessage, ChunkResult } from './lintPool';

/** A worker thread's side of `lintAll`: lints each chunk of cards it is sent and posts the results back. */
export function startLintWorker(): void {
  const service = createLanguageService();
  parentPort!.on('message', ({ start, tasks }: ChunkMessage) => {
    const result: ChunkResult = { start, cards: tasks.map((task) => lintCard(service, task)) };
    parentPort!.postMessage(result);
  });
}
