import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors';

/** A card's text; a file that cannot be read, or is not text, is a one-line `UsageError`. */
export function readCardText(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${ioReason(error)}`);
  }
  if (text.slice(0, 8000).includes('\0')) throw new UsageError(`${file} is not a text file (a model card is YAML)`);
  return text;
}

/**
 * Replaces a file's content all at once: the text goes to a temporary file beside it, which is
 * then renamed over it, so a crash or a full disk never leaves half a card. A symbolic link stays
 * a link (its target is replaced), and the file keeps its permissions.
 */
export function writeFileAtomic(file: string, text: string): void {
  let target = file;
  try {
    target = realpathSync(file);
  } catch {
    // A new file: nothing to follow.
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(temporary, text, { flag: 'wx' });
    const mode = statSync(target, { throwIfNoEntry: false })?.mode;
    if (mode !== undefined) chmodSync(temporary, mode & 0o7777);
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // It was never written, or is gone already.
    }
    throw new UsageError(`cannot write ${file}: ${ioReason(error)}`);
  }
}

/** `ENOENT (no such file)` and the like: the code a user can search for, and what it means. */
export function ioReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const meanings: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EEXIST: 'it exists already',
  };
  return code ? `${code}${meanings[code] ? ` (${meanings[code]})` : ''}` : String(message);
}

/** A path as the user would type it from `cwd`: relative when it is below, absolute otherwise. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(cwd, file) : relative;
}
