import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFrontMatter } from './formats/huggingFace/frontMatter';
import { parseCard } from './parsing/parseCard';
import type { ParsedCard } from './parsing/parsedCard';
import type { DocumentKind } from './kinds/documentKind';

/**
 * How a file is read, by its name: as a document of one of the kinds (a model card, a datasheet,
 * a system card: see kinds/registry.ts), or as a Hugging Face README.md (whose metadata the Hub checks).
 */
export type DocumentFile = 'card' | 'hubReadme';

export function documentKind(uri: string): DocumentFile {
  return /(^|[\\/])readme\.md$/i.test(uri.split(/[?#]/)[0]) ? 'hubReadme' : 'card';
}

/**
 * The parse the rules read: the document, of the given kind; for a README.md, its metadata block
 * (offsets into the whole README), or, without one, an empty document of the README's length.
 */
export function parseDocument(document: TextDocument, kind: DocumentKind): ParsedCard {
  if (documentKind(document.uri) === 'card') return parseCard(document, kind);
  return parseFrontMatter(document) ?? parseCard(blankDocument(document));
}

function blankDocument(document: TextDocument): TextDocument {
  return TextDocument.create(document.uri, document.languageId, document.version, document.getText().replace(/[^\r\n]/g, ' '));
}
