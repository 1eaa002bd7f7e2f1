import { statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { kindFiles, kindOfFileName } from '../service/kinds/kindFiles';
import { modelCardFiles } from '../service/kinds/modelCard/files';
import { UsageError } from './errors';

const fileSuffixes = kindFiles.flatMap((kind) => kind.fileSuffixes);
/** The files of every kind: `*.modelcard.yaml`, `*.datasheet.yaml`, `*.systemcard.yaml` (and `.yml`). */
export const cardPattern = `**/*{${fileSuffixes.join(',')}}`;
/** Model card files only (`migrate`: the other kinds' formats have one version so far). */
export const modelCardPattern = `**/*{${modelCardFiles.fileSuffixes.join(',')}}`;
/** How messages name them. */
const kindsInWords = `${kindFiles.map((kind) => `${kind.words.document}s`).join(', ').replace(/, ([^,]*)$/, ' or $1')} (${kindFiles.map((kind) => `*${kind.fileSuffixes[0]}`).join(', ')}`;
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
 * searched for every kind's files (`*.modelcard.yaml|yml`, `*.datasheet.yaml`...), anything else read as a glob. An argument that names nothing is an error.
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
      if (kind === 'directory') throw new UsageError(`no ${patterns.includes(modelCardPattern) ? 'model cards (*.modelcard.yaml' : kindsInWords}${patterns.length > 1 ? ' or README.md' : ''}) in ${arg}`);
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

/** For the commands about model cards only (export, fill): a datasheet or system card named is a usage error. */
export function requireModelCard(file: string, command: string): void {
  const kind = kindOfFileName(file, kindFiles);
  if (kind && kind.id !== modelCardFiles.id) throw new UsageError(`${file} is a ${kind.words.document}: ${command} works on model cards (*${modelCardFiles.fileSuffixes[0]})`);
}
