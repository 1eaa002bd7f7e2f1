import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from '../documentKind';
import type { DocumentKind } from '../kinds/documentKind';
import type { ParsedCard } from './parsedCard';

/**
 * Keeps the parse of the latest version of each open card (of a README.md, its metadata block),
 * so validation, completion, hover and every other request on that version share one parse.
 */
export class CardCache {
  private readonly cards = new Map<string, ParsedCard>();
  /** How many parses this cache has run; tests use it to prove requests reuse the parse. */
  parseCount = 0;

  /** `kindOf` tells each document's kind from its URI. */
  constructor(private readonly kindOf: (uri: string) => DocumentKind) {}

  get(document: TextDocument): ParsedCard {
    const cached = this.cards.get(document.uri);
    if (cached && cached.document.version === document.version && cached.text === document.getText()) {
      return cached;
    }
    const card = parseDocument(document, this.kindOf(document.uri));
    this.parseCount++;
    this.cards.set(document.uri, card);
    return card;
  }

  forget(uri: string): void {
    this.cards.delete(uri);
  }
}
