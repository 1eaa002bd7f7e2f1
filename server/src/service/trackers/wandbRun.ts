import { parse } from 'yaml';
import { isRecord } from '../card/values';
import { shorten } from '../text/yamlText';
import { newestFirst, optionalText, latestValues } from './runHelpers';
import { baseName, joinPath, TrackerError, type ParamValue, type Run, type RunMetric, type RunStatus, type TrackerIO, type TrackerReader } from './trackerTypes';

/** `run-20240401_164609-6y34ms9p` (online) or `offline-run-...`: the id is the last part. */
const runFolderName = /^(?:offline-)?run-\d{8}_\d{6}-([A-Za-z0-9]+)$/;

const statusByState: Record<string, RunStatus> = { running: 'RUNNING', finished: 'FINISHED', failed: 'FAILED', crashed: 'FAILED', killed: 'KILLED' };

/**
 * Weights & Biases run folders, from the text files W&B writes under `files/`:
 * `wandb-summary.json` (final values), `config.yaml` (each key `{desc, value}`) and
 * `wandb-metadata.json` (git commit, program, user). The store is a `wandb/` folder of runs or a
 * single run folder. The history and run name live only in the binary `.wandb` log: not read.
 */
export async function openWandbStore(io: TrackerIO, path: string): Promise<TrackerReader> {
  const folders = await runFolders(io, path);
  return {
    tracker: 'wandb',
    async listRuns() {
      const runs = await Promise.all([...folders.entries()].map(([id, folder]) => readRun(io, id, folder)));
      return runs.map(({ tracker, params, tags, notices, user, artifactUri, gitCommit, deleted, metrics, ...summary }) => ({ ...summary, metrics: latestValues(metrics) })).sort(newestFirst);
    },
    readRuns: (ids) =>
      Promise.all(
        ids.map((id) => {
          const folder = folders.get(id);
          if (!folder) throw new TrackerError(`no W&B run ${id} in ${path}`);
          return readRun(io, id, folder);
        }),
      ),
    resolveModelVersion: async () => {
      throw new TrackerError('W&B run folders hold no model registry: choose a run by id');
    },
    close() {},
  };
}

/** The run folders of a `wandb/` folder, or the one run folder given, by run id. */
async function runFolders(io: TrackerIO, path: string): Promise<Map<string, string>> {
  if ((await io.stat(path))?.kind !== 'directory') throw new TrackerError(`${path} is not a folder: give a W&B run folder (wandb/run-...) or the wandb folder`);
  const own = runFolderName.exec(baseName(path));
  if (own) return new Map([[own[1], path]]);
  const folders = new Map<string, string>();
  for (const name of (await io.listDir(path)).sort()) {
    const match = runFolderName.exec(name);
    if (match) folders.set(match[1], joinPath(path, name));
  }
  if (folders.size === 0) throw new TrackerError(`${path} holds no W&B runs (no run-* or offline-run-* folders)`);
  return folders;
}

async function readRun(io: TrackerIO, id: string, folder: string): Promise<Run> {
  const files = joinPath(folder, 'files');
  const summaryPath = joinPath(files, 'wandb-summary.json');
  if ((await io.stat(summaryPath))?.kind !== 'file') {
    const log = (await io.stat(folder)) && (await io.listDir(folder)).find((name) => name.endsWith('.wandb'));
    throw new TrackerError(
      log
        ? `W&B run ${id} has only its binary log (${log}): sync it first (wandb sync ${folder}), then read it again`
        : `W&B run ${id} has no files/wandb-summary.json in ${folder}`,
    );
  }
  const notices: string[] = [];
  const summary = parseWandbJson(await io.readFile(summaryPath), summaryPath);
  const metadata = await readOptional(io, joinPath(files, 'wandb-metadata.json'), (text, path) => parseWandbJson(text, path));
  const config = await readOptional(io, joinPath(files, 'config.yaml'), readConfig);
  const startTime = typeof metadata.startedAt === 'string' ? Date.parse(/Z|[+-]\d\d:?\d\d$/.test(metadata.startedAt) ? metadata.startedAt : `${metadata.startedAt}Z`) : NaN;
  const git = isRecord(metadata.git) ? metadata.git : {};
  notices.push('W&B keeps the history of a metric only in the .wandb log: the final values are read');
  return {
    tracker: 'wandb',
    id,
    status: statusByState[String(metadata.state ?? '').toLowerCase()] ?? 'UNKNOWN',
    ...(Number.isFinite(startTime) ? { startTime } : {}),
    deleted: false,
    metrics: summaryMetrics(summary, notices),
    params: configParams(config, notices),
    tags: Object.fromEntries(
      [['wandb.program', metadata.program], ['wandb.host', metadata.host], ['wandb.git.remote', git.remote]].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ),
    ...optionalText('user', metadata.username),
    ...optionalText('gitCommit', git.commit),
    notices,
  };
}

/** Numbers at the top of the summary; W&B's own `_` keys and nested values (histograms, tables) are left out. */
function summaryMetrics(summary: Record<string, unknown>, notices: string[]): Record<string, RunMetric> {
  const step = typeof summary._step === 'number' ? summary._step : 0;
  const timestamp = typeof summary._timestamp === 'number' ? Math.round(summary._timestamp * 1000) : 0;
  const metrics: Record<string, RunMetric> = {};
  const nested: string[] = [];
  for (const [key, value] of Object.entries(summary)) {
    if (typeof value === 'number' && !key.startsWith('_')) metrics[key] = { value, step, timestamp };
    else if (typeof value === 'object' && value !== null) nested.push(key);
  }
  if (nested.length > 0) notices.push(`left out nested summary values (histograms, tables, run internals): ${shorten(nested.join(', '), 120)}`);
  return metrics;
}

/** `config.yaml` maps each key to `{desc, value}`; `_wandb` and `wandb_version` are W&B's own. */
function readConfig(text: string, path: string): Record<string, unknown> {
  let config: unknown;
  try {
    config = parse(text);
  } catch (error) {
    throw new TrackerError(`${path} is not valid YAML: ${String((error as Error).message).split('\n')[0]}`);
  }
  if (!isRecord(config)) throw new TrackerError(`${path} is not a mapping of keys`);
  const values: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(config)) {
    if (key === '_wandb' || key === 'wandb_version') continue;
    values[key] = isRecord(entry) && 'value' in entry ? entry.value : entry;
  }
  return values;
}

function configParams(config: Record<string, unknown>, notices: string[]): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  const skipped: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (isParamValue(value)) params[key] = value;
    else if (value !== null) skipped.push(key);
  }
  if (skipped.length > 0) notices.push(`left out config values that are mappings: ${shorten(skipped.join(', '), 120)}`);
  return params;
}

function isParamValue(value: unknown): value is ParamValue {
  const scalar = (item: unknown) => ['string', 'number', 'boolean'].includes(typeof item);
  return scalar(value) || (Array.isArray(value) && value.every(scalar));
}

async function readOptional(io: TrackerIO, path: string, read: (text: string, path: string) => Record<string, unknown>): Promise<Record<string, unknown>> {
  return (await io.stat(path))?.kind === 'file' ? read(await io.readFile(path), path) : {};
}

/** W&B writes bare `NaN`, `Infinity` and `-Infinity`, which JSON lacks: they are read as those numbers. */
export function parseWandbJson(text: string, path: string): Record<string, unknown> {
  const specials: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)/g, (token, special: string | undefined) => (special ? `{"\\u0000special":"${special}"}` : token));
  let value: unknown;
  try {
    value = JSON.parse(marked, (_key, item: unknown) => (isRecord(item) && typeof item['\u0000special'] === 'string' ? specials[item['\u0000special']] : item));
  } catch (error) {
    throw new TrackerError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(value)) throw new TrackerError(`${path} is not a JSON object`);
  return value;
}
