import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ModelCardSettings } from '../protocol';
import { createLanguageService } from '../service/languageService';
import { findCards, UsageError } from './findCards';
import { formatJson, formatSarif, formatSummary, formatText, type LintedFile } from './lintReport';

export type LintFormat = 'text' | 'json' | 'sarif';

export interface LintOptions {
  targets: string[];
  format: LintFormat;
  settings: ModelCardSettings;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Lints the cards the targets name. Exit code 0: no errors; 1: errors found; 2: usage or I/O error. */
export async function lint(options: LintOptions): Promise<CommandOutput> {
  const paths = await findCards(options.targets.length > 0 ? options.targets : ['.']);
  const service = createLanguageService();
  const files: LintedFile[] = [];
  for (const file of paths) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
    });
    const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'modelcard', 1, text);
    files.push({ path: file, diagnostics: service.validate(document, options.settings) });
    service.forget(document.uri);
  }
  const hasErrors = files.some((file) => file.diagnostics.some((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error));
  const stdout =
    options.format === 'json' ? formatJson(files) : options.format === 'sarif' ? formatSarif(files, options.settings) : formatText(files);
  return { stdout, stderr: options.format === 'text' ? formatSummary(files) : '', exitCode: hasErrors ? 1 : 0 };
}
