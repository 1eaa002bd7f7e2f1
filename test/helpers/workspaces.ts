import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { defaultSettings } from '../../server/src/protocol';
import { validateLinks } from '../../server/src/service/diagnostics/validateLinks';
import { createLanguageService } from '../../server/src/service/languageService';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

/** Where in-memory workspaces are. */
export const workspaceRoot = 'file:///work/rag';

/**
 * An in-memory workspace: documents by path relative to `workspaceRoot`, indexed as the server
 * indexes them; `otherFiles` are files that exist but are no documents (a README).
 */
export class InMemoryWorkspace {
  readonly service = createLanguageService();
  readonly index = new WorkspaceIndex();
  readonly texts = new Map<string, string>();

  constructor(
    files: Record<string, string>,
    private readonly otherFiles: readonly string[] = [],
  ) {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  /** The URI of the file at `path`, encoded as editors send them. */
  uri(path: string): string {
    return `${workspaceRoot}/${path.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** Creates or changes a document: it is read again, alone. */
  write(path: string, text: string): void {
    this.texts.set(path, text);
    this.index.set(this.service.indexEntry(TextDocument.create(this.uri(path), 'modelcard', 1, text)));
  }

  delete(path: string): void {
    this.texts.delete(path);
    this.index.delete(this.uri(path));
  }

  /** The cross-file diagnostics of the document at `path`. */
  linkDiagnostics(path: string): Diagnostic[] {
    const exists = (uri: string) => this.otherFiles.some((other) => this.uri(other) === uri);
    return validateLinks(this.uri(path), this.index, defaultSettings, exists);
  }
}

/** `text` with the edits applied (as an editor applies a WorkspaceEdit's edits to one document). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'modelcard', 1, text), [...edits]);
}
