import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { graphicExtensions, isRelativeImagePath } from '../service/render/graphicSources';
import type { GraphicSource } from '../service/render/renderCard';

/** Images larger than this are not inlined into a page (the page stays small; the path shows instead). */
const largestInlinedImage = 5 * 1024 * 1024;

/** A card's figures as data: URIs read from the files beside the card, for a self-contained page. */
export function graphicsAsDataUris(cardFile: string): GraphicSource {
  const folder = path.dirname(path.resolve(cardFile));
  return (graphicPath) => {
    if (!isRelativeImagePath(graphicPath)) return undefined;
    const file = path.join(folder, graphicPath);
    try {
      if (statSync(file).size > largestInlinedImage) return undefined;
      const type = graphicExtensions[path.extname(file).slice(1).toLowerCase()];
      return `data:${type};base64,${readFileSync(file).toString('base64')}`;
    } catch {
      return undefined;
    }
  };
}

/** A card's figures as paths relative to `outputFolder`, where a Markdown rendering is written. */
export function graphicsRelativeTo(cardFile: string, outputFolder: string): GraphicSource {
  const folder = path.dirname(path.resolve(cardFile));
  return (graphicPath) => (isRelativeImagePath(graphicPath) ? path.relative(outputFolder, path.join(folder, graphicPath)).split(path.sep).join('/') : undefined);
}
