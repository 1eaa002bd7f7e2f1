import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFrontMatter } from './formats/huggingFace/frontMatter';
import { parseCard, parseCardSteps } from './parsing/parseCard';
import type { ParsedCard } from './parsing/parsedCard';
import type { DocumentKind } from './kinds/documentKind';
import { finish, type Steps } from './steps';

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
  return finish(parseDocumentSteps(document.getText(), document, kind));
}

/**
 * parseDocument in steps, of `text` (the text of `source` when the steps were made). A card reuses
 * the chunks of `earlier`, the parse of its previous version (see parseCard); a README's metadata
 * block is short, and read whole in one step.
 */
export function* parseDocumentSteps(
  text: string,
  source: Pick<TextDocument, 'uri' | 'languageId' | 'version'>,
  kind: DocumentKind,
  earlier?: ParsedCard,
): Steps<ParsedCard> {
  if (documentKind(source.uri) === 'card') return yield* parseCardSteps(text, source, kind, earlier);
  yield;
  const readme = TextDocument.create(source.uri, source.languageId, source.version, text);
  return parseFrontMatter(readme) ?? parseCard(blankDocument(readme));
}

function blankDocument(document: TextDocument): TextDocument {
  return TextDocument.create(document.uri, document.languageId, document.version, document.getText().replace(/[^\r\n]/g, ' '));
}
