/**
 * The editor's Import Model Card… and Export… as the server answers them: the format chosen from
 * the registry, the result in the protocol's terms. The CLI calls the same importers and exporters.
 */
import type { ImportCardParams, ImportedCard } from '../../protocol';
import type { ExportFormatId, ExportOptions, ExportResult } from './formatTypes';
import { cardStem, exportFormat, importFormat, importFormats } from '.';
import { findingLine } from './lossReport';

export async function importSource({ fileName, text, format }: ImportCardParams): Promise<ImportedCard> {
  const chosen = format ? importFormat(format) : importFormats.find((candidate) => candidate.matches(fileName));
  if (!chosen) return { files: [], losses: [], findings: [`${fileName}: the format cannot be told from the name; choose one.`], formatLabel: '' };
  const result = (await chosen.load()).import({ text, fileName });
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  return {
    ...(result.card ? { card: result.card } : {}),
    files: result.files,
    losses: result.losses,
    findings: result.findings.map((finding) => findingLine(finding, { name, text })),
    formatLabel: chosen.label,
  };
}

/** The card's files in the format; the main file's path is the format's default name for `cardFileName`. */
export async function exportCardData(card: Record<string, unknown>, format: ExportFormatId, cardFileName: string, options: ExportOptions): Promise<ExportResult> {
  const chosen = exportFormat(format)!;
  const result = (await chosen.load()).export(card, options);
  const [main, ...others] = result.files;
  return { ...result, files: [{ ...main, path: chosen.fileName(cardStem(cardFileName)) }, ...others] };
}

