import { statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors';

export const cardPattern = '**/*.modelcard.{yaml,yml}';
/** With `lint --hub-readmes`, folders are searched for Hugging Face README.md files too. */
export const hubReadmePattern = '**/README.md';
const ignored = ['**/node_modules/**', '**/.git/**'];

/** A card file a command will read, and whether the user named it (rather than a folder or glob that holds it). */
export interface FoundCard {
  path: string;
  named: boolean;
}

/**
 * The card files named by command-line arguments: files as given (whatever their name), folders
 * searched for `*.modelcard.yaml|yml`, anything else read as a glob. An argument that names nothing is an error.
 */
export async function findCards(args: readonly string[], cwd = process.cwd(), patterns: readonly string[] = [cardPattern]): Promise<FoundCard[]> {
  const found = new Map<string, FoundCard>();
  for (const arg of args) {
    const kind = pathKind(path.resolve(cwd, arg));
    if (kind === 'file') {
      found.set(path.normalize(arg), { path: arg, named: true });
      continue;
    }
    const folder = kind === 'directory' ? path.resolve(cwd, arg) : cwd;
    const files = await glob(kind === 'directory' ? [...patterns] : arg, { cwd: folder, ignore: ignored, onlyFiles: true });
    const matches = files.map((file) => (kind === 'directory' ? path.join(arg, file) : file));
    if (matches.length === 0) {
      if (kind === 'directory') throw new UsageError(`no model cards (*.modelcard.yaml${patterns.length > 1 ? ' or README.md' : ''}) in ${arg}`);
      throw new UsageError(isDynamicPattern(arg) ? `no file matches ${arg}` : `${arg}: no such file or folder`);
    }
    for (const match of matches.sort()) {
      if (!found.has(path.normalize(match))) found.set(path.normalize(match), { path: match, named: false });
    }
  }
  return [...found.values()];
}

function pathKind(absolute: string): 'file' | 'directory' | 'none' {
  try {
    return statSync(absolute).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'none';
  }
}
