import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCard } from './parseCard';
import type { ParsedCard } from './parsedCard';

/**
 * Keeps the parse of the latest version of each open card, so validation, completion, hover
 * and every other request on that version share one parse. A request about an older version
 * (answered after newer edits arrived) gets a parse of its own, and the latest one stays.
 */
export class CardCache {
  private readonly cards = new Map<string, ParsedCard>();
  /** How many parses this cache has run; tests use it to prove requests reuse the parse. */
  parseCount = 0;

  get(document: TextDocument): ParsedCard {
    const cached = this.cards.get(document.uri);
    if (cached && cached.document.version === document.version && cached.text === document.getText()) {
      return cached;
    }
    // An older version (a request answered after newer edits arrived) is parsed on its own.
    const isNewer = !cached || cached.document.version <= document.version;
    const card = parseCard(document, isNewer ? cached : undefined);
    this.parseCount++;
    if (isNewer) this.cards.set(document.uri, card);
    return card;
  }

  forget(uri: string): void {
    this.cards.delete(uri);
  }
}
