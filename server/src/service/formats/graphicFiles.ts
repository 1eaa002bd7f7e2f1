import { graphicExtensions } from '../render/graphicSources';

/** Image files for graphics that other formats hold inline as base64 (Model Card Toolkit, CycloneDX). */

const imageTypes: [RegExp, string, string][] = [
  [/^\x89PNG/, 'png', 'image/png'],
  [/^\xFF\xD8\xFF/, 'jpg', 'image/jpeg'],
  [/^GIF8/, 'gif', 'image/gif'],
  [/^RIFF....WEBP/s, 'webp', 'image/webp'],
  [/^\s*(<\?xml|<svg)/, 'svg', 'image/svg+xml'],
];

/** The image's file extension and media type, from its first bytes; undefined when the text is not base64 of an image. */
export function base64ImageType(base64: string): { extension: string; mediaType: string } | undefined {
  const compact = base64.replace(/\s+/g, '');
  if (compact.length < 8 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  let head: string;
  try {
    head = atob(compact.slice(0, 24));
  } catch {
    return undefined;
  }
  const match = imageTypes.find(([signature]) => signature.test(head));
  return match && { extension: match[1], mediaType: match[2] };
}

/** The media type of an image file, by its extension. */
export function mediaTypeOfPath(path: string): string {
  return graphicExtensions[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** A file-name-safe form of a name: "Validation Set Size" → "validation-set-size". */
export function fileSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'graphic'
  );
}

/** Gives out paths in one folder that differ from each other (`a.png`, `a-2.png`...). */
export class PathAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly folder: string) {}

  next(stem: string, extension: string): string {
    for (let attempt = 1; ; attempt++) {
      const path = `${this.folder}/${stem}${attempt === 1 ? '' : `-${attempt}`}.${extension}`;
      if (!this.used.has(path)) {
        this.used.add(path);
        return path;
      }
    }
  }
}
