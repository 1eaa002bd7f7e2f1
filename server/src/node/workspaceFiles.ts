import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { documentKinds } from '../service/kinds/registry';

/** The glob of every kind's files (`**\/*.modelcard.yaml`, `**\/*.datasheet.yml`...), one per file suffix. */
export const documentFilePatterns: readonly string[] = documentKinds.flatMap((kind) => kind.fileSuffixes.map((suffix) => `**/*${suffix}`));

const ignoredFolders = ['**/node_modules/**', '**/.git/**'];

/** The URIs of the documents of every kind under the folder at `folderUri` (a `file:` URI; none for another scheme). */
export async function findDocumentFiles(folderUri: string): Promise<string[]> {
  if (!folderUri.startsWith('file:')) return [];
  const folder = fileURLToPath(folderUri);
  const files = await glob([...documentFilePatterns], { cwd: folder, ignore: ignoredFolders, onlyFiles: true, absolute: true, caseSensitiveMatch: false });
  return files.sort().map((file) => pathToFileURL(file).href);
}

/** The text of the file at `uri`, or undefined when it cannot be read (gone, a folder, not a `file:` URI). */
export async function readDocumentFile(uri: string): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return await readFile(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether a file is at `uri`; a URI of another scheme than `file:` is taken to exist (we cannot tell). */
export function fileExists(uri: string): boolean {
  if (!uri.startsWith('file:')) return true;
  try {
    return existsSync(fileURLToPath(uri));
  } catch {
    return false;
  }
}
