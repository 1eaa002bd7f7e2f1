import type { Catalogue } from '../../protocol';
import type { DocumentKind } from '../kinds/documentKind';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** The catalogue view's content: every indexed document with its summary (and a system's components), by path. */
export function catalogue(index: WorkspaceIndex, kinds: readonly DocumentKind[]): Catalogue {
  const documents = [...index.entries()].map(({ uri, summary, components }) => ({ uri, ...summary, ...(components ? { components } : {}) }));
  return { kinds: kinds.map(({ id, label }) => ({ id, label })), documents: documents.sort((a, b) => a.uri.localeCompare(b.uri)) };
}
