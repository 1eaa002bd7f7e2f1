/**
 * The card formats the CLI and the editor list, as names and file names only: the editor's
 * pickers read this list without loading any format's code (index.ts adds the loaders).
 */
import type { ExportFormatId, ImportFormatId } from './formatTypes';

export interface ImportFormatInfo {
  id: ImportFormatId;
  label: string;
  /** What the source looks like, for pickers and help. */
  description: string;
  /** Whether a file name looks like a source of this format. */
  matches(fileName: string): boolean;
}

export interface ExportFormatInfo {
  id: ExportFormatId;
  label: string;
  description: string;
  /** The main output's file name for a card file named `<stem>.modelcard.yaml`. */
  fileName(cardStem: string): string;
}

export const importFormatList: readonly ImportFormatInfo[] = [
  {
    id: 'hf',
    label: 'Hugging Face README.md',
    description: 'YAML metadata and the Markdown card of a Hub model repository',
    matches: (fileName) => /(^|[\\/])readme\.md$/i.test(fileName),
  },
  {
    id: 'mct',
    label: 'Model Card Toolkit JSON',
    description: 'Google Model Card Toolkit cards, schema 0.0.1 or 0.0.2',
    matches: (fileName) => /\.json$/i.test(fileName),
  },
  {
    id: 'markdown',
    label: 'Markdown model card',
    description: 'a model card written in Markdown, without metadata (e.g. model_card.md)',
    matches: (fileName) => /\.(md|markdown)$/i.test(fileName),
  },
];

export const exportFormatList: readonly ExportFormatInfo[] = [
  { id: 'hf', label: 'Hugging Face README.md', description: "metadata with model-index, and the Hub template's sections", fileName: () => 'README.md' },
  { id: 'mct', label: 'Model Card Toolkit JSON', description: 'schema 0.0.2, graphics inlined', fileName: (stem) => `${stem}.mct.json` },
  { id: 'cyclonedx', label: 'CycloneDX ML-BOM', description: 'a CycloneDX 1.6 BOM with the model card', fileName: (stem) => `${stem}.cdx.json` },
  { id: 'json', label: 'JSON', description: 'the card as data, as the schema checks it', fileName: (stem) => `${stem}.modelcard.json` },
];

/** The format a source file's name suggests (README.md: Hugging Face; .json: MCT; .md: Markdown). */
export function importFormatForFile(fileName: string): ImportFormatInfo | undefined {
  return importFormatList.find((format) => format.matches(fileName));
}

/** `smiling.modelcard.yaml` → `smiling`. */
export function cardStem(cardFileName: string): string {
  const base = cardFileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/(\.modelcard)?\.ya?ml$/i, '') || 'model';
}
