import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ModelCardSettings } from '../protocol';
import { readCardsTrackerValues } from '../node/storePaths';
import { createLanguageService } from '../service/languageService';
import { cardPattern, findCards, hubReadmePattern, UsageError } from './findCards';
import { formatJson, formatSarif, formatSummary, formatText, type LintedFile } from './lintReport';

export type LintFormat = 'text' | 'json' | 'sarif';

export interface LintOptions {
  targets: string[];
  format: LintFormat;
  settings: ModelCardSettings;
  /** Read the runs of the bound results again and report values that differ (`--verify`). */
  verify?: boolean;
  /** Search folders for Hugging Face README.md files too (`--hub-readmes`); a README.md named on the command line is always checked. */
  hubReadmes?: boolean;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Lints the cards the targets name (a README.md gets the Hub's metadata checks, by its name); with `verify`, bound results are checked against their runs
 * (each store and run read once for all the cards). Exit code 0: no errors; 1: errors found; 2:
 * usage or I/O error.
 */
export async function lint(options: LintOptions): Promise<CommandOutput> {
  const paths = await findCards(options.targets.length > 0 ? options.targets : ['.'], process.cwd(), options.hubReadmes ? [cardPattern, hubReadmePattern] : [cardPattern]);
  const service = createLanguageService();
  const documents: TextDocument[] = [];
  for (const file of paths) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
    });
    documents.push(TextDocument.create(pathToFileURL(path.resolve(file)).href, 'modelcard', 1, text));
  }
  const trackerValues = options.verify ? await readCardsTrackerValues(documents.map((document, index) => ({ file: paths[index], card: service.parse(document) }))) : [];
  const files: LintedFile[] = documents.map((document, index) => {
    const diagnostics = service.validate(document, options.settings, trackerValues[index]);
    service.forget(document.uri);
    return { path: paths[index], diagnostics };
  });
  const hasErrors = files.some((file) => file.diagnostics.some((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error));
  const stdout =
    options.format === 'json' ? formatJson(files) : options.format === 'sarif' ? formatSarif(files, options.settings) : formatText(files);
  return { stdout, stderr: options.format === 'text' ? formatSummary(files) : '', exitCode: hasErrors ? 1 : 0 };
}
