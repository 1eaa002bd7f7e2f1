import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, type ModelCardSettings } from '../protocol';
import { CardCache } from './parsing/cardCache';
import type { ParsedCard } from './parsing/parseCard';
import { validateCard } from './diagnostics/validate';

/**
 * The model-card language service: pure functions over parsed cards, with no LSP connection and
 * no VS Code. The LSP server, the CLI and the tests all use it.
 */
export interface LanguageService {
  /** The parse of this version of the document (cached: one parse per version). */
  parse(document: TextDocument): ParsedCard;
  validate(document: TextDocument, settings?: ModelCardSettings): Diagnostic[];
  /** Drops what the service keeps for a closed document. */
  forget(uri: string): void;
  /** Parses run so far (to check that requests reuse the cache). */
  readonly parseCount: number;
}

export function createLanguageService(): LanguageService {
  const cache = new CardCache();
  return {
    parse: (document) => cache.get(document),
    validate: (document, settings = defaultSettings) => validateCard(cache.get(document), settings),
    forget: (uri) => cache.forget(uri),
    get parseCount() {
      return cache.parseCount;
    },
  };
}
