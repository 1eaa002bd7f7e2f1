/**
 * The card formats, one entry per format and direction: what the CLI's `import --from` and
 * `export --to` accept, and what the editor's Import Model Card… and Export… offer (formatList.ts
 * names them). Each loads its module when it is used (the CycloneDX library only on a CycloneDX export).
 */
import type { CardExporter, CardImporter, ExportFormatId, ImportFormatId } from './formatTypes';
import { exportFormatList, importFormatList, type ExportFormatInfo, type ImportFormatInfo } from './formatList';
import { withoutPlaceholders } from './placeholderFree';

export { cardStem, importFormatForFile } from './formatList';

export interface ImportFormat extends ImportFormatInfo {
  load(): Promise<CardImporter>;
}

export interface ExportFormat extends ExportFormatInfo {
  load(): Promise<CardExporter>;
}

const importers: Record<ImportFormatId, () => Promise<CardImporter>> = {
  hf: async () => (await import('./huggingFace/importReadme')).huggingFaceImporter,
  mct: async () => (await import('./modelCardToolkit/importMct')).modelCardToolkitImporter,
  markdown: async () => (await import('./markdown/importMarkdown')).markdownImporter,
};

const exporters: Record<ExportFormatId, () => Promise<CardExporter>> = {
  hf: async () => (await import('./huggingFace/exportReadme')).huggingFaceExporter,
  mct: async () => (await import('./modelCardToolkit/exportMct')).modelCardToolkitExporter,
  cyclonedx: async () => (await import('./cycloneDx/exportBom')).cycloneDxExporter,
  json: async () => (await import('./json')).jsonExporter,
};

export const importFormats: readonly ImportFormat[] = importFormatList.map((format) => ({ ...format, load: importers[format.id] }));
export const exportFormats: readonly ExportFormat[] = exportFormatList.map((format) => ({ ...format, load: async () => withoutPlaceholders(await exporters[format.id]()) }));

export function importFormat(id: string): ImportFormat | undefined {
  return importFormats.find((format) => format.id === id);
}

export function exportFormat(id: string): ExportFormat | undefined {
  return exportFormats.find((format) => format.id === id);
}
