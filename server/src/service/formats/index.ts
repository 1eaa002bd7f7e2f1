/**
 * The card formats, one entry per format and direction: what the CLI's `import --from` and
 * `export --to` accept, and what the editor's Import Model Card… and Export… offer. Each loads its
 * module when it is used (the CycloneDX library only on a CycloneDX export).
 */
import type { CardExporter, CardImporter, ExportFormatId, ImportFormatId } from './formatTypes';

export interface ImportFormat {
  id: ImportFormatId;
  label: string;
  /** What the source looks like, for pickers and help. */
  description: string;
  /** Whether a file name looks like a source of this format. */
  matches(fileName: string): boolean;
  load(): Promise<CardImporter>;
}

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  description: string;
  /** The main output's file name for a card file named `<stem>.modelcard.yaml`. */
  fileName(cardStem: string): string;
  load(): Promise<CardExporter>;
}

export const importFormats: readonly ImportFormat[] = [
  {
    id: 'hf',
    label: 'Hugging Face README.md',
    description: 'YAML metadata and the Markdown card of a Hub model repository',
    matches: (fileName) => /(^|[\\/])readme\.md$/i.test(fileName),
    load: async () => (await import('./huggingFace/importReadme')).huggingFaceImporter,
  },
  {
    id: 'mct',
    label: 'Model Card Toolkit JSON',
    description: 'Google Model Card Toolkit cards, schema 0.0.1 or 0.0.2',
    matches: (fileName) => /\.json$/i.test(fileName),
    load: async () => (await import('./modelCardToolkit/importMct')).modelCardToolkitImporter,
  },
  {
    id: 'markdown',
    label: 'Markdown model card',
    description: 'a model card written in Markdown, without metadata (e.g. model_card.md)',
    matches: (fileName) => /\.(md|markdown)$/i.test(fileName),
    load: async () => (await import('./markdown/importMarkdown')).markdownImporter,
  },
];

export const exportFormats: readonly ExportFormat[] = [
  {
    id: 'hf',
    label: 'Hugging Face README.md',
    description: 'metadata with model-index, and the Hub template\'s sections',
    fileName: () => 'README.md',
    load: async () => (await import('./huggingFace/exportReadme')).huggingFaceExporter,
  },
  {
    id: 'mct',
    label: 'Model Card Toolkit JSON',
    description: 'schema 0.0.2, graphics inlined',
    fileName: (stem) => `${stem}.mct.json`,
    load: async () => (await import('./modelCardToolkit/exportMct')).modelCardToolkitExporter,
  },
  {
    id: 'cyclonedx',
    label: 'CycloneDX ML-BOM',
    description: 'a CycloneDX 1.6 BOM with the model card',
    fileName: (stem) => `${stem}.cdx.json`,
    load: async () => (await import('./cycloneDx/exportBom')).cycloneDxExporter,
  },
  {
    id: 'json',
    label: 'JSON',
    description: 'the card as data, as the schema checks it',
    fileName: (stem) => `${stem}.modelcard.json`,
    load: async () => (await import('./json')).jsonExporter,
  },
];

export function importFormat(id: string): ImportFormat | undefined {
  return importFormats.find((format) => format.id === id);
}

export function exportFormat(id: string): ExportFormat | undefined {
  return exportFormats.find((format) => format.id === id);
}

/** `smiling.modelcard.yaml` → `smiling`. */
export function cardStem(cardFileName: string): string {
  const base = cardFileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/(\.modelcard)?\.ya?ml$/i, '') || 'model';
}
