import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isRecord } from '../service/card/values';
import { isRelativeImagePath } from '../service/render/graphicSources';

/**
 * The graphics a card refers to (image files beside it), as base64 by their path in the card, for
 * the exports that inline them. Only relative image paths are read, as the preview shows only
 * those; a file that cannot be read is left out (the export reports it).
 */
export async function readGraphicAssets(cardFile: string, card: unknown): Promise<Map<string, string>> {
  const graphics = isRecord(card) && Array.isArray(card.graphics) ? card.graphics.filter(isRecord) : [];
  const assets = new Map<string, string>();
  for (const graphic of graphics) {
    if (typeof graphic.path !== 'string' || !isRelativeImagePath(graphic.path) || assets.has(graphic.path)) continue;
    const content = await readFile(path.resolve(path.dirname(cardFile), graphic.path)).catch(() => undefined);
    if (content) assets.set(graphic.path, content.toString('base64'));
  }
  return assets;
}
