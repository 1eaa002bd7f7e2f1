import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCard } from '../../parsing/parseCard';
import type { ParsedCard } from '../../parsing/parsedCard';

/**
 * huggingface_hub's own pattern for a README's metadata block (repocard.py): whitespace may come
 * before the opening `---`; any line ending; the closing `---` may carry trailing spaces.
 */
const frontMatterPattern = /^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(?:\r\n|\n|$))/;

/** Where a README's parts are, as offsets into its text. */
export interface ReadmeParts {
  /** The YAML between the `---` lines, when there is a metadata block. */
  yaml?: { start: number; end: number };
  /** Where the Markdown body starts (after the metadata block, or 0). */
  bodyStart: number;
}

export function readmeParts(text: string): ReadmeParts {
  const match = frontMatterPattern.exec(text);
  if (!match) return { bodyStart: 0 };
  const start = match[1].length;
  const end = start + match[2].length;
  return { yaml: { start, end }, bodyStart: match[0].length };
}

/**
 * The README's metadata parsed as YAML, with offsets into the whole README (the rest of the text is
 * blanked, line breaks kept), so every range found in it points at the README itself. Undefined
 * when the README has no metadata block.
 */
export function parseFrontMatter(readme: TextDocument, parts = readmeParts(readme.getText())): ParsedCard | undefined {
  if (!parts.yaml) return undefined;
  const text = readme.getText();
  const { start, end } = parts.yaml;
  const blanked = blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
  return parseCard(TextDocument.create(readme.uri, readme.languageId, readme.version, blanked));
}

/** Every character but line breaks replaced by a space: the same lines and offsets, no content. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
