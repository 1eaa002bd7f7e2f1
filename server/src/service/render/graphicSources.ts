import type { GraphicSource } from './renderCard';

/** The image files a figure may show. */
export const graphicExtensions: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

/**
 * Whether a graphic's path is a relative path to an image file: no scheme (http:, data:,
 * file:), not absolute, no backslashes. Anything else is shown as text, never fetched.
 */
export function isRelativeImagePath(path: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || path.includes('\\') || path.includes('?') || path.includes('#')) return false;
  return graphicExtensions[path.split('.').pop()?.toLowerCase() ?? ''] !== undefined;
}

/** Graphics as addresses under `base` (the card's folder, as the preview can load it). */
export function graphicsUnder(base: string): GraphicSource {
  const folder = base.endsWith('/') ? base : `${base}/`;
  return (path) => (isRelativeImagePath(path) ? folder + path.split('/').map(encodeURIComponent).join('/') : undefined);
}
