import type { CardImporter, ImportResult, ImportSource } from '../formatTypes';
import { completedCard, nameFromFileName } from '../importedCard';
import { readCardBody, type BodyPlace } from './cardBody';

/** `--from markdown`: a Markdown model card without metadata (Mitchell-style cards, GitHub model_card.md files). */
export const markdownImporter: CardImporter = {
  id: 'markdown',
  import: (source) => importMarkdown(source, 0),
};

/** The card in the Markdown from line `firstLine` of the source on (the body of a README after its metadata). */
export function importMarkdown(source: ImportSource, firstLine: number): ImportResult {
  const place = bodyPlace(source.text, firstLine);
  const body = readCardBody(source.text.slice(place.offsetOfLine(firstLine)), place);
  const findings = [...body.findings];
  const card = completedCard({ name: body.title ?? nameFromFileName(source.fileName), ...body.fields }, findings);
  return { card, losses: body.losses, findings, files: [] };
}

/** Where lines start in the source text, for positions of what the body reader finds. */
export function bodyPlace(text: string, firstLine: number): BodyPlace {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return { firstLine, offsetOfLine: (line) => starts[Math.min(line, starts.length - 1)] ?? text.length };
}
