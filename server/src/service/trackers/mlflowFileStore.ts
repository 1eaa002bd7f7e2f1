import { parse } from 'yaml';
import { isRecord } from '../card/values';
import { metricsFromPoints } from './latestMetric';
import { latestValues, newestFirst, optionalText, withoutHistory } from './runHelpers';
import { describeVersionRef, loggedModelIdOf, mlflowTags, parseMlflowNumber, runStatus } from './mlflowCommon';
import {
  joinPath,
  TrackerError,
  type MetricPoint,
  type ModelVersion,
  type ModelVersionRef,
  type ReadOptions,
  type Run,
  type RunMetric,
  type RunSummary,
  type TrackerIO,
  type TrackerReader,
} from './trackerTypes';

/** Folders of an experiment that are not runs (MLflow's FileStore reserved names). */
const reservedFolders = new Set(['tags', 'datasets', 'traces', 'models']);
const registryFolder = 'models';
const trashFolder = '.trash';

interface RunFolder {
  path: string;
  experiment?: string;
  inTrash: boolean;
}

/**
 * MLflow's file store (`mlruns/`): `<experiment>/meta.yaml`, `<experiment>/<run>/meta.yaml`,
 * `metrics/<key>` (lines `timestamp value [step]`), `params/<key>`, `tags/<key>`, and the model
 * registry under `models/<name>/`. Keys may hold `/`: they are nested folders.
 */
export async function openMlflowFileStore(io: TrackerIO, root: string): Promise<TrackerReader> {
  const experiments = await readExperiments(io, root);
  const runFolders = async (): Promise<Map<string, RunFolder>> => {
    const folders = new Map<string, RunFolder>();
    for (const experiment of experiments) {
      for (const name of await io.listDir(experiment.path)) {
        if (reservedFolders.has(name) || folders.has(name)) continue;
        const path = joinPath(experiment.path, name);
        if ((await io.stat(joinPath(path, 'meta.yaml')))?.kind === 'file') folders.set(name, { path, experiment: experiment.name, inTrash: experiment.inTrash });
      }
    }
    return folders;
  };
  return {
    tracker: 'mlflow',
    async listRuns() {
      const summaries: RunSummary[] = [];
      for (const folder of (await runFolders()).values()) {
        if (folder.inTrash) continue;
        const { metrics, params, tags, notices, tracker, user, artifactUri, gitCommit, deleted, ...summary } = await readRun(io, folder, {});
        if (!deleted) summaries.push({ ...summary, metrics: latestValues(metrics) });
      }
      return summaries.sort(newestFirst);
    },
    async readRuns(ids, options = {}) {
      const folders = await runFolders();
      return Promise.all(
        ids.map((id) => {
          const folder = folders.get(id);
          if (!folder) throw new TrackerError(`no run ${id} in ${root}`);
          return readRun(io, folder, options);
        }),
      );
    },
    resolveModelVersion: (ref) => resolveModelVersion(io, root, ref, experiments),
    close() {},
  };
}

interface Experiment {
  path: string;
  name?: string;
  inTrash: boolean;
}

async function readExperiments(io: TrackerIO, root: string): Promise<Experiment[]> {
  if ((await io.stat(root))?.kind !== 'directory') throw new TrackerError(`${root} is not an MLflow store folder (mlruns/)`);
  const experiments: Experiment[] = [];
  for (const [folder, inTrash] of [[root, false], [joinPath(root, trashFolder), true]] as const) {
    if (inTrash && (await io.stat(folder))?.kind !== 'directory') continue;
    for (const name of await io.listDir(folder)) {
      if (name === registryFolder || name === trashFolder) continue;
      const path = joinPath(folder, name);
      const metaPath = joinPath(path, 'meta.yaml');
      if ((await io.stat(metaPath))?.kind !== 'file') continue;
      const meta = await readYaml(io, metaPath);
      experiments.push({ path, name: typeof meta.name === 'string' ? meta.name : undefined, inTrash: inTrash || meta.lifecycle_stage === 'deleted' });
    }
  }
  if (experiments.length === 0) throw new TrackerError(`${root} holds no MLflow experiments (no <experiment>/meta.yaml)`);
  return experiments;
}

async function readRun(io: TrackerIO, folder: RunFolder, options: ReadOptions): Promise<Run> {
  const meta = await readYaml(io, joinPath(folder.path, 'meta.yaml'));
  const tags = await readTextFiles(io, joinPath(folder.path, 'tags'));
  const id = String(meta.run_uuid ?? meta.run_id ?? '');
  const metrics = await readMetrics(io, joinPath(folder.path, 'metrics'));
  const name = [meta.run_name, meta.name, tags[mlflowTags.runName]].find((value) => typeof value === 'string' && value !== '') as string | undefined;
  return {
    tracker: 'mlflow',
    id,
    ...(name ? { name } : {}),
    ...(folder.experiment ? { experiment: folder.experiment } : {}),
    status: runStatus(meta.status),
    ...(typeof meta.start_time === 'number' ? { startTime: meta.start_time } : {}),
    ...(typeof meta.end_time === 'number' ? { endTime: meta.end_time } : {}),
    deleted: folder.inTrash || meta.lifecycle_stage === 'deleted',
    metrics: options.history ? metrics : withoutHistory(metrics),
    params: await readTextFiles(io, joinPath(folder.path, 'params')),
    tags,
    ...optionalText('user', meta.user_id || tags[mlflowTags.user]),
    ...optionalText('artifactUri', meta.artifact_uri),
    ...optionalText('gitCommit', tags[mlflowTags.gitCommit]),
    notices: [],
  };
}

async function readMetrics(io: TrackerIO, folder: string): Promise<Record<string, RunMetric>> {
  const files = await filesBelow(io, folder);
  const points: (MetricPoint & { key: string })[] = [];
  for (const [key, path] of files) {
    const lines = (await io.readFile(path)).split(/\r?\n/);
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      points.push({ key, ...parseMetricLine(line, `${path} line ${index + 1}`) });
    });
  }
  return metricsFromPoints(points);
}

/** `timestamp value [step]`, as MLflow's file store writes a metric's points. */
function parseMetricLine(line: string, where: string): MetricPoint {
  const [timestamp, value, step = '0', ...rest] = line.trim().split(/\s+/);
  const numbers = [Number(timestamp), parseMlflowNumber(value ?? ''), Number(step)];
  if (value === undefined || rest.length > 0 || numbers.some((number) => number === undefined) || !Number.isInteger(numbers[0]) || !Number.isInteger(numbers[2])) {
    throw new TrackerError(`${where}: expected "timestamp value [step]", found "${line.length > 60 ? `${line.slice(0, 59)}…` : line}"`);
  }
  return { timestamp: numbers[0]!, value: numbers[1]!, step: numbers[2]! };
}

/** Every file below `folder`, keyed by its path from there (`eval/accuracy`). */
async function filesBelow(io: TrackerIO, folder: string, prefix = ''): Promise<[string, string][]> {
  if ((await io.stat(folder))?.kind !== 'directory') return [];
  const files: [string, string][] = [];
  for (const name of (await io.listDir(folder)).sort()) {
    const path = joinPath(folder, name);
    const key = prefix ? `${prefix}/${name}` : name;
    if ((await io.stat(path))?.kind === 'directory') files.push(...(await filesBelow(io, path, key)));
    else files.push([key, path]);
  }
  return files;
}

async function readTextFiles(io: TrackerIO, folder: string): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const [key, path] of await filesBelow(io, folder)) values[key] = await io.readFile(path);
  return values;
}

async function readYaml(io: TrackerIO, path: string): Promise<Record<string, unknown>> {
  const text = await io.readFile(path);
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new TrackerError(`${path} is not valid YAML: ${String((error as Error).message).split('\n')[0]}`);
  }
  if (!isRecord(value)) throw new TrackerError(`${path} is not a mapping of keys`);
  return value;
}

async function resolveModelVersion(io: TrackerIO, root: string, ref: ModelVersionRef, experiments: Experiment[]): Promise<ModelVersion> {
  const modelFolder = joinPath(root, registryFolder, ref.name);
  if ((await io.stat(modelFolder))?.kind !== 'directory') throw new TrackerError(`no registered model "${ref.name}" in ${root}`);
  const aliases = await readTextFiles(io, joinPath(modelFolder, 'aliases'));
  const version = 'version' in ref ? ref.version : Number(aliases[ref.alias]?.trim());
  if (!Number.isInteger(version)) throw new TrackerError(`registered model "${ref.name}" has no alias "${'alias' in ref ? ref.alias : ''}"`);
  const metaPath = joinPath(modelFolder, `version-${version}`, 'meta.yaml');
  if ((await io.stat(metaPath))?.kind !== 'file') throw new TrackerError(`no version ${describeVersionRef({ name: ref.name, version })} in ${root}`);
  const meta = await readYaml(io, metaPath);
  const loggedModelId = loggedModelIdOf(meta.source) ?? (typeof meta.model_id === 'string' ? meta.model_id : undefined);
  const runId = typeof meta.run_id === 'string' && meta.run_id !== '' ? meta.run_id : loggedModelId && (await loggedModelRun(io, experiments, loggedModelId));
  if (!runId) throw new TrackerError(`model version ${describeVersionRef(ref)} names no run`);
  const versionAliases = Object.entries(aliases).filter(([, value]) => Number(value.trim()) === version).map(([alias]) => alias);
  return {
    name: ref.name,
    version,
    runId,
    aliases: versionAliases,
    ...optionalText('status', meta.status),
    ...(loggedModelId ? { loggedModelId } : {}),
  };
}

/** The run an MLflow 3 logged model came from (`<experiment>/models/<id>/meta.yaml`, `source_run_id`). */
async function loggedModelRun(io: TrackerIO, experiments: Experiment[], modelId: string): Promise<string | undefined> {
  for (const experiment of experiments) {
    const metaPath = joinPath(experiment.path, 'models', modelId, 'meta.yaml');
    if ((await io.stat(metaPath))?.kind !== 'file') continue;
    const runId = (await readYaml(io, metaPath)).source_run_id;
    if (typeof runId === 'string' && runId !== '') return runId;
  }
  return undefined;
}
