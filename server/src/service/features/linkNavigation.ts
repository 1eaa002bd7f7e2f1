import type { DocumentLink, Location, Position, Range } from 'vscode-languageserver-types';
import type { IndexedLink, IndexEntry, WorkspaceIndex } from '../workspace/workspaceIndex';

/** The link written at `position` of the document, if any (a position at either end of the path counts). */
export function linkAt(entry: IndexEntry, position: Position): IndexedLink | undefined {
  return entry.links.find((link) => contains(link.range, position));
}

/** Go to definition on a link: the start of the document it leads to. */
export function linkDefinition(entry: IndexEntry, position: Position): Location | null {
  const uri = linkAt(entry, position)?.uri;
  return uri !== undefined ? { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } : null;
}

/** The document's links, for the editor to underline and open (`textDocument/documentLink`). */
export function documentLinks(entry: IndexEntry): DocumentLink[] {
  return entry.links.flatMap((link) => (link.uri !== undefined ? [{ range: link.range, target: link.uri, tooltip: `Open ${link.target}` }] : []));
}

/** Where the workspace links to the document at `uri`: the cards that use a datasheet, the systems that use a model. */
export function linkReferences(index: WorkspaceIndex, uri: string): Location[] {
  return index
    .linksTo(uri)
    .map(({ entry, link }) => ({ uri: entry.uri, range: link.range }))
    .sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line);
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
