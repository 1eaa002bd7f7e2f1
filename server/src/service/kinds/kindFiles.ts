import { datasheetFiles } from './datasheet/files';
import type { KindFiles } from './documentKind';
import { modelCardFiles } from './modelCard/files';
import { systemCardFiles } from './systemCard/files';

/**
 * The names, files and templates of every kind, in the registry's order (kinds/registry.ts), for
 * the faces that need no more: the VS Code client, `modelcard new`, the CLI's file search.
 */
export const kindFiles: readonly KindFiles[] = [modelCardFiles, datasheetFiles, systemCardFiles];

/** The kind whose documents end like `fileName` (`*.datasheet.yaml`), if any; case-insensitive, a URI's query and fragment ignored. */
export function kindOfFileName<Kind extends Pick<KindFiles, 'fileSuffixes'>>(fileName: string, kinds: readonly Kind[]): Kind | undefined {
  const name = fileName.replace(/[?#].*$/, '').toLowerCase();
  return kinds.find((kind) => kind.fileSuffixes.some((suffix) => name.endsWith(suffix)));
}
