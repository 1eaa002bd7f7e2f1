/**
 * Where a link written as a relative path leads, as a URI, and the relative path that leads from
 * one document to another. Pure URI arithmetic: nothing here looks at the file system.
 */

/** The URI `target` (as written in the document at `fromUri`) leads to; undefined for a URL of another scheme (`https:`) or an empty path. */
export function resolveLink(fromUri: string, target: string): string | undefined {
  const path = target.trim().replace(/\\/g, '/');
  // A scheme of two letters or more (`https:`); `C:/...` is a Windows path.
  if (path === '' || /^[a-z][a-z0-9+.-]+:/i.test(path)) return undefined;
  try {
    return new URL(path.split('/').map(encodePathPart).join('/'), fromUri).href;
  } catch {
    return undefined;
  }
}

/**
 * The key under which the index knows a URI: decoded, with a Windows drive letter in lower case,
 * so that `file:///c%3A/a%20b` (VS Code) and `file:///C:/a b` (Node) name the same file.
 */
export function uriKey(uri: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(uri.replace(/[?#].*$/, ''));
  } catch {
    decoded = uri;
  }
  return decoded.replace(/^file:\/\/\/([A-Za-z]):/, (_, drive: string) => `file:///${drive.toLowerCase()}:`);
}

/** The path from the folder of `fromUri` to `toUri`, with `/` (`../models/a.modelcard.yaml`); undefined when they are not under one root. */
export function relativeLink(fromUri: string, toUri: string): string | undefined {
  const from = splitUri(fromUri);
  const to = splitUri(toUri);
  if (!from || !to || from.root !== to.root) return undefined;
  const folder = from.parts.slice(0, -1);
  let shared = 0;
  while (shared < folder.length && shared < to.parts.length - 1 && folder[shared] === to.parts[shared]) shared++;
  const up = folder.slice(shared).map(() => '..');
  return [...up, ...to.parts.slice(shared)].join('/');
}

/** Whether `uri` is `folderUri` or lies under it. */
export function isUnder(uri: string, folderUri: string): boolean {
  const folder = uriKey(folderUri).replace(/\/$/, '');
  const key = uriKey(uri);
  return key === folder || key.startsWith(`${folder}/`);
}

function splitUri(uri: string): { root: string; parts: string[] } | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)$/i.exec(uriKey(uri));
  return match ? { root: match[1], parts: match[2].split('/').slice(1) } : undefined;
}

/** A path segment as a URL holds it: `%` and `#` and `?` escaped (spaces are left to the URL parser). */
function encodePathPart(part: string): string {
  return part.replace(/%/g, '%25').replace(/#/g, '%23').replace(/\?/g, '%3F');
}
