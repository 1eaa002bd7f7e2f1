import type { Range } from 'vscode-languageserver-types';
import type { CatalogueComponent, DocumentSummary } from '../../protocol';
import { uriKey } from './linkTargets';

/** A link as the index keeps it: where it is written and where it leads. */
export interface IndexedLink {
  /** The path as written. */
  target: string;
  /** The URI it leads to; undefined for a URL of another scheme (`https:`), which the index does not follow. */
  uri?: string;
  /** The range of the path's text in the linking document, inside its quotes when it is quoted. */
  range: Range;
  /** The quote the path is written in, if any. */
  quote?: '"' | "'";
  /** The kinds (ids) of document it should lead to. */
  expects: readonly string[];
  /** What links: a component's id, a dataset's name. */
  from?: string;
}

/** A system card's component, for the catalogue. */
export type IndexedComponent = CatalogueComponent;

/** An item that could link to another document but does not: a model card's dataset with no `datasheet`. */
export interface UnlinkedItem {
  name: string;
  /** The range of its name. */
  range: Range;
}

/** What the index keeps of one document: no parse, no text; enough for the cross-file rules, navigation and the catalogue. */
export interface IndexEntry {
  uri: string;
  summary: DocumentSummary;
  links: IndexedLink[];
  /** The components of a system card. */
  components?: IndexedComponent[];
  /** The datasets of a model card that link no datasheet. */
  unlinked?: UnlinkedItem[];
}

/**
 * The documents of a workspace (cards, datasheets, system cards) by URI, and who links to whom.
 * It is kept current one document at a time: `set` replaces what a document says, `delete`
 * forgets it; the reverse links (`linkedFrom`) follow.
 */
export class WorkspaceIndex {
  private readonly byKey = new Map<string, IndexEntry>();
  /** The keys of the documents whose links lead to a key (a document or a missing file). */
  private readonly linkers = new Map<string, Set<string>>();
  /** How many documents of each kind it holds. */
  private readonly kindCounts = new Map<string, number>();

  get size(): number {
    return this.byKey.size;
  }

  /** How many documents of the kind (an id) it holds. */
  countOf(kind: string): number {
    return this.kindCounts.get(kind) ?? 0;
  }

  get(uri: string): IndexEntry | undefined {
    return this.byKey.get(uriKey(uri));
  }

  has(uri: string): boolean {
    return this.byKey.has(uriKey(uri));
  }

  entries(): IterableIterator<IndexEntry> {
    return this.byKey.values();
  }

  set(entry: IndexEntry): void {
    const key = uriKey(entry.uri);
    this.unlink(key);
    this.byKey.set(key, entry);
    this.kindCounts.set(entry.summary.kind, this.countOf(entry.summary.kind) + 1);
    for (const link of entry.links) {
      if (link.uri === undefined) continue;
      const target = uriKey(link.uri);
      let from = this.linkers.get(target);
      if (!from) this.linkers.set(target, (from = new Set()));
      from.add(key);
    }
  }

  delete(uri: string): boolean {
    const key = uriKey(uri);
    this.unlink(key);
    return this.byKey.delete(key);
  }

  /** The documents with a link to `uri` (whether or not a document is there). */
  linkedFrom(uri: string): IndexEntry[] {
    return [...(this.linkers.get(uriKey(uri)) ?? [])].flatMap((key) => this.byKey.get(key) ?? []);
  }

  /** The links to `uri`, with the document each is written in. */
  linksTo(uri: string): { entry: IndexEntry; link: IndexedLink }[] {
    const key = uriKey(uri);
    return this.linkedFrom(uri).flatMap((entry) => entry.links.filter((link) => link.uri !== undefined && uriKey(link.uri) === key).map((link) => ({ entry, link })));
  }

  /** Forgets the links of the document at `key` (and counts it out of its kind). */
  private unlink(key: string): void {
    const previous = this.byKey.get(key);
    if (previous) this.kindCounts.set(previous.summary.kind, this.countOf(previous.summary.kind) - 1);
    for (const link of previous?.links ?? []) {
      if (link.uri === undefined) continue;
      const target = uriKey(link.uri);
      const from = this.linkers.get(target);
      from?.delete(key);
      if (from?.size === 0) this.linkers.delete(target);
    }
  }
}
