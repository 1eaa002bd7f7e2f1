import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { metricBindings, type MetricSource } from '../service/card/metricBindings';
import type { ParsedCard } from '../service/parsing/parsedCard';
import { cardTrackerValues, readBoundValues, type TrackerValues } from '../service/trackers/boundValues';
import { nodeTrackerIO } from './nodeTrackerIO';

/** Where a store a card names is on disk: relative paths are relative to the card's folder. */
export function resolveStore(cardFile: string, store: string): string {
  if (store.startsWith('file:')) return fileURLToPath(store);
  if (/^~[\\/]/.test(store)) return path.join(os.homedir(), store.slice(2));
  return path.resolve(path.dirname(cardFile), store);
}

/** A store as a card names it: relative to the card's folder, with `/` (the same on every OS). */
export function storeForCard(cardFile: string, storeFile: string): string {
  const relative = path.relative(path.dirname(path.resolve(cardFile)), path.resolve(storeFile));
  return path.isAbsolute(relative) ? relative : relative.split(path.sep).join('/') || '.';
}

/**
 * The tracker values of each card's bound results, reading each store and run once for all the
 * cards (`lint --verify` over a folder of cards, the editor's open cards).
 */
export async function readCardsTrackerValues(cards: readonly { file: string; card: ParsedCard }[], options: { history?: boolean } = {}): Promise<TrackerValues[]> {
  const sources = cards.map(({ card }) => metricBindings(card).map((binding) => binding.source));
  const onDisk = cards.flatMap(({ file }, index) => sources[index].map((source): MetricSource => ({ ...source, store: resolveStore(file, source.store) })));
  const read = await readBoundValues(nodeTrackerIO, onDisk, options);
  return cards.map(({ file }, index) => cardTrackerValues(sources[index], (store) => resolveStore(file, store), read));
}
