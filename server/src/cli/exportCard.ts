import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readGraphicAssets } from '../node/cardAssets';
import { exists, writeFileReplacing, writeNewFile } from '../node/newFiles';
import { cardStem, exportFormat, exportFormats } from '../service/formats';
import { lossReportLines } from '../service/formats/lossReport';
import { isRecord } from '../service/card/values';
import { createLanguageService } from '../service/languageService';
import { UsageError } from './errors';
import { requireModelCard } from './findCards';
import type { CommandOutput } from './commandOutput';

export interface ExportOptions {
  card: string;
  /** `--to`. */
  to: string;
  /** `-o`: the main file to write (README.md, a .json...). */
  output?: string;
  /** Replace files that exist (`--force`); without it, nothing is written when one does. */
  force?: boolean;
  /** `--eval-results` (with `--to hf`): also `.eval_results/*.yaml` beside the README. */
  evalResults?: boolean;
  /** `--spec 1.5|1.6` (with `--to cyclonedx`). */
  spec?: string;
}

/**
 * `modelcard export <card> --to hf|mct|cyclonedx|json [-o file] [--eval-results] [--spec 1.5|1.6] [--force]`:
 * writes the card in another format beside it (or at `-o`) and prints the loss report: what the
 * format cannot hold. Exit code 0: written; 2: usage or I/O error, an unreadable card, or a file
 * that exists (without --force).
 */
export async function exportCard(options: ExportOptions): Promise<CommandOutput> {
  const format = exportFormat(options.to);
  if (!format) throw new UsageError(`--to must be one of ${exportFormats.map((candidate) => candidate.id).join(', ')}`);
  if (options.spec !== undefined && options.spec !== '1.5' && options.spec !== '1.6') throw new UsageError('--spec must be 1.5 or 1.6');
  if (options.spec !== undefined && format.id !== 'cyclonedx') throw new UsageError('--spec goes with --to cyclonedx');
  if (options.evalResults && format.id !== 'hf') throw new UsageError('--eval-results goes with --to hf');
  requireModelCard(options.card, 'export');
  const text = await readFile(options.card, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${options.card}: ${error.code ?? error.message}`);
  });
  const service = createLanguageService();
  const document = TextDocument.create(pathToFileURL(path.resolve(options.card)).href, 'modelcard', 1, text);
  const { data, errorCount } = service.exportData(document);
  if (!isRecord(data)) throw new UsageError(`${options.card} is not a model card (a mapping of keys such as \`name:\`)`);
  const assets = await readGraphicAssets(options.card, data);
  const result = (await format.load()).export(data, { assets, ...(options.spec ? { spec: options.spec as '1.5' | '1.6' } : {}), ...(options.evalResults ? { evalResults: true } : {}) });
  const main = options.output ?? path.join(path.dirname(options.card), format.fileName(cardStem(options.card)));
  const targets = result.files.map((file, index) => ({ file, target: index === 0 ? main : path.join(path.dirname(main), file.path) }));
  const taken = options.force ? [] : (await Promise.all(targets.map(async ({ target }) => ((await exists(target)) ? [target] : [])))).flat();
  if (taken.length > 0) throw new UsageError(`${taken.join(', ')} exist${taken.length === 1 ? 's' : ''}: nothing was written (give -o another file, or --force to replace)`);
  for (const { file, target } of targets) await (options.force ? writeFileReplacing(target, file) : writeNewFile(target, file));
  const report = result.losses.length > 0 ? `Not carried over (${result.losses.length}):\n${lossReportLines(result.losses).join('\n')}\n` : 'Every field of the card was carried over.\n';
  const warning = errorCount > 0 ? `${options.card} has ${errorCount} error(s); the export may be incomplete (\`modelcard lint\` lists them).\n` : '';
  return { stdout: `Wrote ${targets.map(({ target }) => target).join(', ')} (${format.label}).\n${report}`, stderr: warning, exitCode: 0 };
}
