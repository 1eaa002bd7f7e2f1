import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFrontMatter } from './formats/huggingFace/frontMatter';
import { parseCard } from './parsing/parseCard';
import type { ParsedCard } from './parsing/parsedCard';

/** What a document is, by its name: a model card, or a Hugging Face README.md (whose metadata the Hub checks). */
export type DocumentKind = 'card' | 'hubReadme';

export function documentKind(uri: string): DocumentKind {
  return /(^|[\\/])readme\.md$/i.test(uri.split(/[?#]/)[0]) ? 'hubReadme' : 'card';
}

/**
 * The parse the rules read: the card; for a README.md, its metadata block (offsets into the whole
 * README), or, without one, an empty document of the README's length.
 */
export function parseDocument(document: TextDocument): ParsedCard {
  if (documentKind(document.uri) === 'card') return parseCard(document);
  return parseFrontMatter(document) ?? parseCard(blankDocument(document));
}

function blankDocument(document: TextDocument): TextDocument {
  return TextDocument.create(document.uri, document.languageId, document.version, document.getText().replace(/[^\r\n]/g, ' '));
}
