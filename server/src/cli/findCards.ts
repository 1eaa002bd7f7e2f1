import { statSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';

export const cardPattern = '**/*.modelcard.{yaml,yml}';
/** With `--hub-readmes`, folders are searched for Hugging Face README.md files too. */
export const hubReadmePattern = '**/README.md';
const ignored = ['**/node_modules/**', '**/.git/**'];

/** A problem with what the user asked for; `showUsage` when the command line itself was wrong. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

/**
 * The card files named by command-line arguments: files as given, folders searched for
 * `*.modelcard.yaml|yml`, anything else read as a glob. An argument that names nothing is an error.
 */
export async function findCards(args: readonly string[], cwd = process.cwd(), patterns: readonly string[] = [cardPattern]): Promise<string[]> {
  const found = new Set<string>();
  for (const arg of args) {
    const kind = pathKind(path.resolve(cwd, arg));
    const matches =
      kind === 'file'
        ? [arg]
        : await glob(kind === 'directory' ? [...patterns] : arg, { cwd: kind === 'directory' ? path.resolve(cwd, arg) : cwd, ignore: ignored, onlyFiles: true }).then(
            (files) => files.map((file) => (kind === 'directory' ? path.join(arg, file) : file)),
          );
    if (matches.length === 0) {
      throw new UsageError(kind === 'directory' ? `no model cards (*.modelcard.yaml${patterns.length > 1 ? ' or README.md' : ''}) in ${arg}` : `no file matches ${arg}`);
    }
    for (const match of matches.sort()) found.add(match);
  }
  return [...found];
}

function pathKind(absolute: string): 'file' | 'directory' | 'none' {
  try {
    const stats = statSync(absolute);
    return stats.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'none';
  }
}
