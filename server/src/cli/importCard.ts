import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { freePath, writeNewFile } from '../node/newFiles';
import { createLanguageService } from '../service/languageService';
import { cardText } from '../service/formats/cardText';
import { importFormat, importFormats } from '../service/formats';
import type { ImportResult } from '../service/formats/formatTypes';
import { findingLine, lossReportLines } from '../service/formats/lossReport';
import { cardFileStem, candidateFileName } from '../service/templates/cardFile';
import { UsageError } from './errors';
import type { CommandOutput } from './commandOutput';

export interface ImportOptions {
  /** The source file: a README.md, an MCT JSON or a Markdown card. */
  file: string;
  /** `--from`; guessed from the file name when absent (README.md: hf, .json: mct, .md: markdown). */
  from?: string;
  /** `-o`: the card to write; a taken name gets `-2`, `-3`... */
  output?: string;
}

/**
 * `modelcard import <file> --from hf|mct|markdown [-o card]`: writes a new `.modelcard.yaml` (never
 * over a file: a taken name gets `-2`) and the graphics it refers to, and prints the loss report.
 * Exit code 0: written; 1: written, but the source has errors (see the findings); 2: nothing could
 * be read, or a usage or I/O error.
 */
export async function importCard(options: ImportOptions): Promise<CommandOutput> {
  const format = options.from ? importFormat(options.from) : importFormats.find((candidate) => candidate.matches(options.file));
  if (!format) throw new UsageError(options.from ? `--from must be one of ${importFormats.map((candidate) => candidate.id).join(', ')}` : `cannot tell the format of ${options.file}: give --from hf, mct or markdown`);
  const text = await readFile(options.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${options.file}: ${error.code ?? error.message}`);
  });
  const result = (await format.load()).import({ text, fileName: options.file });
  const findings = result.findings.map((finding) => `${findingLine(finding, { name: options.file, text })}\n`).join('');
  if (!result.card) return { stdout: '', stderr: `${findings}Nothing was imported from ${options.file}.\n`, exitCode: 2 };
  const written = await writeImport(result, options, format.label);
  const report = result.losses.length > 0 ? `Not carried over (${result.losses.length}):\n${lossReportLines(result.losses).join('\n')}\n` : 'Every field of the source was carried over.\n';
  const errors = countErrors(written.text);
  const graphics = written.files.length > 0 ? ` and ${written.files.length} graphic file(s) (${written.files.join(', ')})` : '';
  const verdict = errors > 0 ? `The card has ${errors} error(s): \`modelcard lint ${written.card}\` lists them.\n` : '';
  const sourceErrors = result.findings.some((finding) => finding.severity === 'error');
  return { stdout: `Wrote ${written.card}${graphics} from ${options.file} (${format.label}).\n${report}${verdict}`, stderr: findings, exitCode: sourceErrors ? 1 : 0 };
}

/** Writes the card and its graphics under free names (the card's graphics paths follow the files' names). */
async function writeImport(result: ImportResult, options: ImportOptions, label: string): Promise<{ card: string; text: string; files: string[] }> {
  const card = result.card!;
  const wanted = options.output ?? path.join(path.dirname(options.file), candidateFileName(cardFileStem(String(card.name)) || 'model', 1));
  const cardFile = await freePath(wanted);
  const folder = path.dirname(cardFile);
  const files: string[] = [];
  const renamed = new Map<string, string>();
  for (const file of result.files) {
    const target = await freePath(path.join(folder, file.path));
    await writeNewFile(target, file);
    const relative = path.relative(folder, target).split(path.sep).join('/');
    renamed.set(file.path, relative);
    files.push(path.join(path.relative(process.cwd(), folder) || '.', relative));
  }
  const graphics = Array.isArray(card.graphics) ? card.graphics.map((graphic) => (renamed.has(graphic?.path) ? { ...graphic, path: renamed.get(graphic.path) } : graphic)) : undefined;
  const text = cardText({ ...card, ...(graphics ? { graphics } : {}) }, `Imported from ${path.basename(options.file)} (${label}) by \`modelcard import\`.\nFields the source could not give are marked TODO; \`modelcard lint\` lists them.`);
  await writeNewFile(cardFile, text).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot write ${cardFile}: ${error.code ?? error.message}`);
  });
  return { card: cardFile, text, files };
}

function countErrors(text: string): number {
  const document = TextDocument.create('file:///imported.modelcard.yaml', 'modelcard', 1, text);
  return createLanguageService().validate(document).filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
}
