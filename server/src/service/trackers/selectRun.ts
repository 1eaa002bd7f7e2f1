import { describeVersionRef } from './mlflowCommon';
import { TrackerError, type ModelVersion, type ModelVersionRef, type Run, type TrackerReader } from './trackerTypes';

/** Which run to read: by id, the latest finished run of an experiment, or a registered model version's. */
export type RunSelector = { runId: string } | { experiment: string } | { model: ModelVersionRef };

export interface SelectedRun {
  run: Run;
  /** The registered model version the run was chosen through. */
  modelVersion?: ModelVersion;
}

/** `name@alias` or `name/3` (MLflow's `models:/` forms without the prefix); undefined for anything else. */
export function parseModelVersionRef(text: string): ModelVersionRef | undefined {
  const withoutScheme = text.replace(/^models:\//, '');
  const alias = /^(.+)@([^@/]+)$/.exec(withoutScheme);
  if (alias) return { name: alias[1], alias: alias[2] };
  const version = /^(.+)\/(\d+)$/.exec(withoutScheme);
  return version ? { name: version[1], version: Number(version[2]) } : undefined;
}

export async function selectRun(reader: TrackerReader, selector: RunSelector): Promise<SelectedRun> {
  if ('runId' in selector) return { run: (await reader.readRuns([selector.runId]))[0] };
  if ('model' in selector) {
    const modelVersion = await reader.resolveModelVersion(selector.model);
    const [run] = await reader.readRuns([modelVersion.runId]).catch((error: unknown) => {
      throw error instanceof TrackerError ? new TrackerError(`model version ${describeVersionRef(selector.model)} points to run ${modelVersion.runId}, which is not in the store`) : error;
    });
    return { run, modelVersion };
  }
  const all = await reader.listRuns();
  if (all.length === 0) throw new TrackerError('the store has no runs');
  const runs = all.filter((run) => run.experiment === selector.experiment);
  if (runs.length === 0) throw new TrackerError(`no experiment named "${selector.experiment}" with runs in the store`);
  const latest = runs.find((run) => run.status === 'FINISHED');
  if (!latest) throw new TrackerError(`experiment "${selector.experiment}" has no finished run (${runs.length} run${runs.length === 1 ? '' : 's'}, none FINISHED)`);
  return { run: (await reader.readRuns([latest.id]))[0] };
}
