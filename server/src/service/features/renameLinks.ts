import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { isUnder, relativeLink, uriKey } from '../workspace/linkTargets';
import type { IndexedLink, IndexEntry, WorkspaceIndex } from '../workspace/workspaceIndex';

/** A file or folder about to be renamed or moved. */
export interface FileRename {
  oldUri: string;
  newUri: string;
}

/**
 * The edits that keep every link right when files or folders are renamed or moved
 * (`workspace/willRenameFiles`): links to a moved document, and the links of a moved document
 * whose relative path changes. The edits are made to the documents where they are now (before the
 * move), as one WorkspaceEdit (one undo). Quotes are kept; a path that YAML would misread unquoted is quoted.
 */
export function renameEdits(index: WorkspaceIndex, renames: readonly FileRename[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const entry of index.entries()) {
    const newDocumentUri = renamed(entry.uri, renames);
    const edits = entry.links.flatMap((link) => linkEdit(entry, link, newDocumentUri, renames));
    if (edits.length > 0) changes[entry.uri] = edits;
  }
  return { changes };
}

function linkEdit(entry: IndexEntry, link: IndexedLink, newDocumentUri: string, renames: readonly FileRename[]): TextEdit[] {
  if (link.uri === undefined) return [];
  const newTargetUri = renamed(link.uri, renames);
  if (newTargetUri === link.uri && newDocumentUri === entry.uri) return [];
  const path = relativeLink(newDocumentUri, newTargetUri);
  if (path === undefined || path === link.target) return [];
  return [{ range: link.range, newText: pathText(path, link.quote) }];
}

/** Where `uri` is after the renames: the first rename of it or of a folder it is in. */
function renamed(uri: string, renames: readonly FileRename[]): string {
  for (const { oldUri, newUri } of renames) {
    if (uriKey(uri) === uriKey(oldUri)) return newUri;
    if (isUnder(uri, oldUri)) return `${newUri.replace(/\/$/, '')}${uriKey(uri).slice(uriKey(oldUri).replace(/\/$/, '').length)}`;
  }
  return uri;
}

/** The path as it goes between the link's quotes, or as a plain scalar (quoted when it would not read back as itself). */
function pathText(path: string, quote: '"' | "'" | undefined): string {
  if (quote === "'") return path.replace(/'/g, "''");
  if (quote === '"') return path.replace(/[\\"]/g, (character) => `\\${character}`);
  return /^[\w./][\w./ -]*$/.test(path) && !path.endsWith(' ') ? path : `'${path.replace(/'/g, "''")}'`;
}
