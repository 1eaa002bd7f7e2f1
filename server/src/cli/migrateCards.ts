import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { modelCardFiles } from '../service/kinds/modelCard/files';
import { createLanguageService } from '../service/languageService';
import { exitCodes, UsageError } from './errors';
import { readCardText, writeFileAtomic } from './files';
import { findCards, modelCardPattern } from './findCards';

/** `modelcard migrate`: one line per card on stdout, one per card it cannot migrate on stderr (exit code 2). */
export async function runMigrate(targets: readonly string[], dryRun: boolean): Promise<number> {
  const service = createLanguageService();
  let exitCode: number = exitCodes.clean;
  for (const { path: file } of await findCards(targets, process.cwd(), [modelCardPattern])) {
    try {
      process.stdout.write(`${migrateCard(service, file, dryRun)}\n`);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`modelcard: ${error.message}\n`);
      exitCode = exitCodes.usage;
    }
  }
  return exitCode;
}

function migrateCard(service: ReturnType<typeof createLanguageService>, file: string, dryRun: boolean): string {
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'modelcard', 1, readCardText(file));
  const kind = service.kindOf(document.uri);
  if (kind.id !== modelCardFiles.id) return `${file}: nothing to migrate (the ${kind.words.document} format has one version)`;
  const { from, to, edits, refused } = service.migrate(document);
  if (refused) throw new UsageError(`${file}: ${refused}`);
  if (edits.length === 0) return `${file}: already current (schema_version ${to})`;
  if (!dryRun) writeFileAtomic(file, TextDocument.applyEdits(document, edits));
  return `${file}: schema_version ${from} → ${to}${dryRun ? ' (dry run: not written)' : ''}`;
}
