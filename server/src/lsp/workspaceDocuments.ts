import { FileChangeType, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModelCardSettings } from '../protocol';
import { findDocumentFiles, readDocumentFile } from '../node/workspaceFiles';
import type { LanguageService } from '../service/languageService';
import { WorkspaceIndex, type IndexEntry } from '../service/workspace/workspaceIndex';
import { isUnder, uriKey } from '../service/workspace/linkTargets';
import type { Diagnostic } from 'vscode-languageserver';

/** What the rules found in a document that is not open, and the settings they ran with. */
export interface ClosedFindings {
  settings: ModelCardSettings;
  diagnostics: Diagnostic[];
}

/** Files read between two turns of the event loop while indexing, so that requests are answered meanwhile. */
const filesPerTurn = 16;

/**
 * Keeps the workspace index current: every document of the workspace folders, read from disk when
 * it is not open and from the editor when it is. Each change re-reads one file, and answers the
 * URIs of the documents whose cross-file findings may have changed (those that link to it).
 */
export class WorkspaceDocuments {
  readonly index = new WorkspaceIndex();
  /** The own findings of each document that is not open, as read for the index, with the settings they were found with (pull diagnostics report them). */
  private readonly closedFindings = new Map<string, ClosedFindings>();
  /** The version of each open document its index entry was made from, and the settings it was checked with. */
  private readonly indexedOpen = new Map<string, { version: number; settings: ModelCardSettings }>();
  /** The workspace folders (URIs): a document outside them is indexed only while it is open. */
  private folders: readonly string[] = [];

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
    this.folders = folderUris;
    for (const folderUri of folderUris) {
      const uris = await findDocumentFiles(folderUri);
      for (let start = 0; start < uris.length; start += filesPerTurn) {
        await Promise.all(uris.slice(start, start + filesPerTurn).map((uri) => (this.index.has(uri) ? undefined : this.readFile(uri))));
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return [...this.index.entries()].map((entry) => entry.uri);
  }

  /** Settings changed: every document that is not open is read again (its findings counted anew); answers the URIs of every indexed document. */
  async reindexClosed(): Promise<string[]> {
    const uris = [...this.index.entries()].map((entry) => entry.uri).filter((uri) => !this.documents.get(uri));
    for (let start = 0; start < uris.length; start += filesPerTurn) {
      await Promise.all(uris.slice(start, start + filesPerTurn).map((uri) => this.readFile(uri)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    return [...this.index.entries()].map((entry) => entry.uri);
  }

  /** An open document's current version (validated with `settings`); answers the documents that link to it when what they check of it changed. */
  openDocumentChanged(document: TextDocument, settings: ModelCardSettings): string[] {
    this.indexedOpen.set(uriKey(document.uri), { version: document.version, settings });
    return this.set(this.service.indexEntry(document, settings));
  }

  /** Whether the index holds an older version of this open document than the editor (it was edited and is not checked yet). */
  isBehind(document: TextDocument): boolean {
    return this.indexedOpen.get(uriKey(document.uri))?.version !== document.version;
  }

  /** The settings an indexed document was last checked with. */
  settingsOf(uri: string): ModelCardSettings | undefined {
    return (this.documents.get(uri) ? this.indexedOpen : this.closedFindings).get(uriKey(uri))?.settings;
  }

  /** The client saw a document file created, changed or deleted on disk (an open document is indexed as the editor holds it). */
  async fileChanged(uri: string, type: FileChangeType): Promise<string[]> {
    if (this.documents.get(uri)) return [];
    return type === FileChangeType.Deleted ? this.remove(uri) : this.readFile(uri);
  }

  /** A document was closed: from now on it is what its file says (if there is one in the workspace). */
  async documentClosed(uri: string): Promise<string[]> {
    this.indexedOpen.delete(uriKey(uri));
    return this.folders.some((folder) => isUnder(uri, folder)) ? this.readFile(uri) : this.remove(uri);
  }

  private async readFile(uri: string): Promise<string[]> {
    const text = await readDocumentFile(uri);
    if (this.documents.get(uri)) return [];
    if (text === undefined) return this.remove(uri);
    const settings = await this.settingsFor(uri);
    if (this.documents.get(uri)) return [];
    const document = TextDocument.create(uri, 'modelcard', 0, text);
    const entry = this.service.indexEntry(document, settings);
    this.closedFindings.set(uriKey(uri), { settings, diagnostics: this.service.validate(document, settings) });
    this.service.forget(uri);
    return this.set(entry);
  }

  /** The own findings of a document that is not open, as last read. */
  findingsOfClosed(uri: string): ClosedFindings | undefined {
    return this.documents.get(uri) ? undefined : this.closedFindings.get(uriKey(uri));
  }

  private set(entry: IndexEntry): string[] {
    const previous = this.index.get(entry.uri);
    this.index.set(entry);
    if (!previous || JSON.stringify([previous.summary, previous.components]) !== JSON.stringify([entry.summary, entry.components])) this.onCatalogueChanged();
    return previous && sameForLinkers(previous, entry) ? [] : this.linkers(entry.uri);
  }

  private remove(uri: string): string[] {
    this.closedFindings.delete(uriKey(uri));
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
