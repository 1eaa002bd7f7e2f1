import { FileChangeType, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModelCardSettings } from '../protocol';
import { findDocumentFiles, readDocumentFile } from '../node/workspaceFiles';
import type { LanguageService } from '../service/languageService';
import { WorkspaceIndex, type IndexEntry } from '../service/workspace/workspaceIndex';

/** Files read between two turns of the event loop while indexing, so that requests are answered meanwhile. */
const filesPerTurn = 16;

/**
 * Keeps the workspace index current: every document of the workspace folders, read from disk when
 * it is not open and from the editor when it is. Each change re-reads one file, and answers the
 * URIs of the documents whose cross-file findings may have changed (those that link to it).
 */
export class WorkspaceDocuments {
  readonly index = new WorkspaceIndex();

  /**
   * `settingsFor`: the settings a closed document's findings are counted with; `onCatalogueChanged`
   * hears of a document added or removed, or whose summary changed.
   */
  constructor(
    private readonly service: LanguageService,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settingsFor: (uri: string) => Promise<ModelCardSettings>,
    private readonly onCatalogueChanged: () => void,
  ) {}

  /** Reads every document under the folders; answers the URIs of every indexed document. */
  async indexFolders(folderUris: readonly string[]): Promise<string[]> {
    for (const folderUri of folderUris) {
      const uris = await findDocumentFiles(folderUri);
      for (let start = 0; start < uris.length; start += filesPerTurn) {
        await Promise.all(uris.slice(start, start + filesPerTurn).map((uri) => (this.index.has(uri) ? undefined : this.readFile(uri))));
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return [...this.index.entries()].map((entry) => entry.uri);
  }

  /** An open document's current version (validated with `settings`); answers the documents that link to it when what they check of it changed. */
  openDocumentChanged(document: TextDocument, settings: ModelCardSettings): string[] {
    return this.set(this.service.indexEntry(document, settings));
  }

  /** The client saw a document file created, changed or deleted on disk (an open document is indexed as the editor holds it). */
  async fileChanged(uri: string, type: FileChangeType): Promise<string[]> {
    if (this.documents.get(uri)) return [];
    return type === FileChangeType.Deleted ? this.remove(uri) : this.readFile(uri);
  }

  /** A document was closed: from now on it is what its file says (if there is one). */
  documentClosed(uri: string): Promise<string[]> {
    return this.readFile(uri);
  }

  private async readFile(uri: string): Promise<string[]> {
    const text = await readDocumentFile(uri);
    if (this.documents.get(uri)) return [];
    if (text === undefined) return this.remove(uri);
    const settings = await this.settingsFor(uri);
    if (this.documents.get(uri)) return [];
    const entry = this.service.indexEntry(TextDocument.create(uri, 'modelcard', 0, text), settings);
    this.service.forget(uri);
    return this.set(entry);
  }

  private set(entry: IndexEntry): string[] {
    const previous = this.index.get(entry.uri);
    this.index.set(entry);
    if (!previous || JSON.stringify([previous.summary, previous.components]) !== JSON.stringify([entry.summary, entry.components])) this.onCatalogueChanged();
    return previous && sameForLinkers(previous, entry) ? [] : this.linkers(entry.uri);
  }

  private remove(uri: string): string[] {
    if (!this.index.delete(uri)) return [];
    this.onCatalogueChanged();
    return this.linkers(uri);
  }

  private linkers(uri: string): string[] {
    return this.index.linkedFrom(uri).map((entry) => entry.uri);
  }
}

/** Whether the documents that link to it see no difference: the cross-file rules read a target's kind and status. */
function sameForLinkers(previous: IndexEntry, next: IndexEntry): boolean {
  return previous.summary.kind === next.summary.kind && previous.summary.status === next.summary.status;
}
