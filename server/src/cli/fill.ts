import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FillSelection } from '../protocol';
import { nodeTrackerIO } from '../node/nodeTrackerIO';
import { storeForCard } from '../node/storePaths';
import { createLanguageService } from '../service/languageService';
import { shortRunId } from '../service/trackers/boundValues';
import { openTracker } from '../service/trackers/openTracker';
import { parseModelVersionRef, selectRun, type RunSelector, type SelectedRun } from '../service/trackers/selectRun';
import { TrackerError, type TrackerKind, type TrackerReader } from '../service/trackers/trackerTypes';
import type { CommandOutput } from './commandOutput';
import { UsageError } from './errors';
import { writeFileAtomic } from './files';
import { requireModelCard } from './findCards';

export interface FillOptions extends FillSelection {
  /** The card file to fill. */
  card: string;
  tracker: TrackerKind;
  /** The store as given on the command line: mlflow.db, an mlruns/ folder, a wandb/ folder or run folder. */
  store: string;
  /** `--run ID`. */
  run?: string;
  /** `--experiment NAME --latest`: the experiment's latest finished run. */
  experiment?: string;
  latest?: boolean;
  /** `--model NAME@ALIAS` or `--model NAME/3`. */
  model?: string;
  /** Print a unified diff instead of writing the card. */
  dryRun?: boolean;
}

/**
 * `modelcard fill <card> --mlflow <store> (--run ID | --experiment NAME --latest | --model NAME@ALIAS)`
 * and `--wandb <run dir>`: fills the card from the run. The card is written only when everything
 * went well, as a whole (a new file renamed over it); `--dry-run` prints the diff instead.
 * Exit code 0: filled (or nothing to change); 2: usage error, unreadable store, or refused.
 */
export async function fill(options: FillOptions): Promise<CommandOutput> {
  if (options.precision !== undefined && !(Number.isInteger(options.precision) && options.precision >= 1 && options.precision <= 15)) {
    throw new UsageError('--precision takes a number of decimal places from 1 to 15');
  }
  requireModelCard(options.card, 'fill');
  const text = await readFile(options.card, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${options.card}: ${error.code ?? error.message}`);
  });
  const { run, modelVersion } = await readSelectedRun(options);
  const service = createLanguageService();
  const document = TextDocument.create(pathToFileURL(path.resolve(options.card)).href, 'modelcard', 1, text);
  const outcome = service.fillFromRun(document, {
    run,
    store: storeForCard(options.card, options.store),
    ...(modelVersion ? { modelVersion } : {}),
    ...selectionOf(options),
  });
  if (outcome.refused) throw new UsageError(outcome.refused);
  const filled = TextDocument.applyEdits(document, outcome.edits);
  const notes = outcome.notices.map((notice) => `note: ${notice}\n`).join('');
  const source = `${run.tracker} run ${shortRunId(run.id)}${run.name ? ` (${run.name})` : ''}`;
  if (options.dryRun) {
    const diff = filled === text ? '' : createTwoFilesPatch(options.card, options.card, text, filled, undefined, undefined, { context: 3 });
    return { stdout: diff, stderr: `${notes}${filled === text ? `${options.card} already states ${source}.` : `Dry run: ${options.card} is not changed.`}\n`, exitCode: 0 };
  }
  if (filled !== text) writeFileAtomic(options.card, filled);
  const summary = filled === text ? `${options.card} already states ${source}.\n` : `Filled ${options.card} from ${source}:\n${outcome.changes.map((change) => `  ${change}\n`).join('')}`;
  return { stdout: summary, stderr: notes, exitCode: 0 };
}

function selectionOf(options: FillOptions): FillSelection {
  const { metrics, params, precision, allowLocalPaths } = options;
  return { ...(metrics !== undefined ? { metrics } : {}), ...(params !== undefined ? { params } : {}), ...(precision !== undefined ? { precision } : {}), ...(allowLocalPaths ? { allowLocalPaths } : {}) };
}

async function readSelectedRun(options: FillOptions): Promise<SelectedRun> {
  let reader: TrackerReader | undefined;
  try {
    reader = await openTracker(nodeTrackerIO, options.tracker, options.store);
    return await selectRun(reader, await selectorOf(options, reader));
  } catch (error) {
    if (error instanceof TrackerError) throw new UsageError(error.message);
    throw error;
  } finally {
    reader?.close();
  }
}

/** Exactly one of --run, --experiment, --model; a W&B folder with one run needs none. */
async function selectorOf(options: FillOptions, reader: TrackerReader): Promise<RunSelector> {
  const given = [options.run, options.experiment, options.model].filter((value) => value !== undefined);
  if (given.length > 1) throw new UsageError('choose the run one way: --run, --experiment with --latest, or --model');
  if (options.run !== undefined) return { runId: options.run };
  if (options.experiment !== undefined) {
    if (!options.latest) throw new UsageError('--experiment takes the latest finished run of the experiment: add --latest');
    return { experiment: options.experiment };
  }
  if (options.model !== undefined) {
    const model = parseModelVersionRef(options.model);
    if (!model) throw new UsageError(`--model takes NAME@ALIAS or NAME/VERSION; got "${options.model}"`);
    return { model };
  }
  const runs = await reader.listRuns();
  if (options.tracker === 'wandb' && runs.length === 1) return { runId: runs[0].id };
  throw new UsageError(`choose a run: --run ID, --experiment NAME --latest, or --model NAME@ALIAS (${options.store} has ${runs.length} runs)`);
}
