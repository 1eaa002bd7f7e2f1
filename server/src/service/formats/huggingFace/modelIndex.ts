/**
 * The Hub's `model-index` (evaluation results in README metadata) and the card's metric results.
 * Each model-index metric is one card result; what the card has no field for (a metric's display
 * name, `verified`, `source`, a value written as text) stays on the result under `x-huggingface`,
 * so that export writes it back.
 */
import { isUnitIntervalMetric } from '../../card/metricScale';
import { isRecord } from '../../card/values';
import type { DataPath, Loss } from '../formatTypes';
import { parseValue } from '../markdown/resultsTables';

export const extensionKey = 'x-huggingface';

/** A model-index read into the card's terms. */
export interface ModelIndexReading {
  /** The model's name, when the index names one model. */
  name?: string;
  /** The model names, when the index has entries for several (they become variants). */
  variants: string[];
  /** The task, when the card has none yet. */
  task?: string;
  results: Record<string, unknown>[];
  datasets: Record<string, unknown>[];
  problems: { path: DataPath; message: string }[];
  losses: Loss[];
}

export function readModelIndex(modelIndex: unknown, cardTask: string | undefined): ModelIndexReading {
  const reading: ModelIndexReading = { variants: [], results: [], datasets: [], problems: [], losses: [] };
  if (!Array.isArray(modelIndex)) return reading;
  const entries = modelIndex.filter(isRecord);
  const names = [...new Set(entries.map((entry) => entry.name).filter((name): name is string => typeof name === 'string'))];
  if (names.length === 1) reading.name = names[0];
  if (names.length > 1) reading.variants = names;
  const datasetNames = new Map<string, string>();
  let task = cardTask;
  modelIndex.forEach((entry, entryIndex) => {
    if (!isRecord(entry) || !Array.isArray(entry.results)) return;
    const model = names.length > 1 && typeof entry.name === 'string' ? entry.name : undefined;
    entry.results.forEach((result, resultIndex) => {
      const path = ['model-index', entryIndex, 'results', resultIndex];
      if (!isRecord(result)) return;
      const taskType = isRecord(result.task) && typeof result.task.type === 'string' ? result.task.type : undefined;
      task ??= taskType;
      const extension: Record<string, unknown> = {};
      if (isRecord(result.task)) {
        const { type: _type, ...rest } = result.task;
        const taskExtension = { ...(taskType !== task ? { type: taskType } : {}), ...rest };
        if (Object.keys(taskExtension).length > 0) extension.task = taskExtension;
      }
      if (result.source !== undefined) extension.source = result.source;
      const dataset = isRecord(result.dataset) ? datasetOf(result.dataset, reading, datasetNames, extension) : undefined;
      if (!dataset) reading.problems.push({ path, message: `model-index result ${resultIndex + 1} has no dataset (the Hub refuses it); its metrics are imported without one.` });
      const metrics = Array.isArray(result.metrics) ? result.metrics : [];
      metrics.forEach((metric, metricIndex) => {
        const cardResult = resultOf(metric, [...path, 'metrics', metricIndex], reading);
        if (!cardResult) return;
        const { type: _type, value: _value, ...metricRest } = isRecord(metric) ? metric : {};
        const resultExtension = { ...extension, ...(Object.keys(metricRest).length > 0 ? { metric: metricRest } : {}), ...(cardResult.writtenValue !== undefined ? { value: cardResult.writtenValue } : {}) };
        reading.results.push({
          ...cardResult.result,
          ...(dataset ? { dataset } : {}),
          ...(model ? { model } : {}),
          ...(Object.keys(resultExtension).length > 0 ? { [extensionKey]: resultExtension } : {}),
        });
      });
    });
  });
  if (task !== cardTask) reading.task = task;
  return reading;
}

/** The card dataset for a model-index dataset (one per type, name, config, split and revision); its name. */
function datasetOf(dataset: Record<string, unknown>, reading: ModelIndexReading, names: Map<string, string>, extension: Record<string, unknown>): string | undefined {
  const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
  const [type, name, config, split, revision] = [dataset.type, dataset.name, dataset.config, dataset.split, dataset.revision].map(text);
  if (type === undefined && name === undefined) return undefined;
  if (dataset.args !== undefined) extension.dataset = { args: dataset.args };
  const key = JSON.stringify([type, name, config, split, revision]);
  const known = names.get(key);
  if (known) return known;
  const base = name ?? type!;
  const taken = new Set(names.values());
  const qualified = `${base} (${[config, split].filter(Boolean).join(', ') || revision?.slice(0, 7) || names.size + 1})`;
  const cardName = !taken.has(base) ? base : !taken.has(qualified) ? qualified : `${base} (${names.size + 1})`;
  names.set(key, cardName);
  reading.datasets.push({
    name: cardName,
    ...(type ? { hub_id: type } : {}),
    ...(config ? { config } : {}),
    ...(split ? { split } : {}),
    ...(revision ? { revision } : {}),
    ...(cardName !== base || name === undefined ? { [extensionKey]: { name: name ?? null } } : {}),
  });
  return cardName;
}

/** A model-index metric as a card result; the value as written when it is text ("20.0 ± 1.2"). */
function resultOf(metric: unknown, path: DataPath, reading: ModelIndexReading): { result: Record<string, unknown>; writtenValue?: string } | undefined {
  if (!isRecord(metric) || typeof metric.type !== 'string' || metric.type.trim() === '') {
    reading.problems.push({ path, message: 'A model-index metric without `type` (the metric id) was not imported.' });
    reading.losses.push({ where: formatDataPath(path), reason: 'a metric without type' });
    return undefined;
  }
  const parsed = typeof metric.value === 'number' ? { value: metric.value } : typeof metric.value === 'string' ? parseValue(metric.value) : undefined;
  if (!parsed || !Number.isFinite(parsed.value)) {
    reading.problems.push({ path: [...path, 'value'], message: `The value of metric \`${metric.type}\` (${JSON.stringify(metric.value ?? null)}) is not a number; it was not imported.` });
    reading.losses.push({ where: formatDataPath([...path, 'value']), reason: 'not a number' });
    return undefined;
  }
  const percent = ('percent' in parsed && parsed.percent) || (isUnitIntervalMetric(metric.type) && parsed.value > 1 && parsed.value <= 100);
  return {
    result: { name: metric.type, value: parsed.value, ...(percent ? { unit: 'percent' } : {}) },
    ...(typeof metric.value === 'string' ? { writtenValue: metric.value } : {}),
  };
}

/** `model-index[0].results[1]`. */
export function formatDataPath(path: DataPath): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** The datasets a card's results can be written against: its described datasets, by name. */
export type DatasetsByName = ReadonlyMap<string, Record<string, unknown>>;

/** A result the model-index holds: one for the whole population, on a described dataset. */
export function inModelIndex(result: Record<string, unknown>, datasets: DatasetsByName): boolean {
  const overall = result.slice === undefined || (typeof result.slice === 'string' && /^overall$/i.test(result.slice));
  return overall && result.across === undefined && typeof result.dataset === 'string' && datasets.has(result.dataset) && typeof result.value === 'number';
}

/**
 * The model-index for a card's results: one entry per model (the card, or each variant its
 * results name), results grouped by task, dataset and source as huggingface_hub writes them.
 */
export function writeModelIndex(card: Record<string, unknown>, results: Record<string, unknown>[], datasets: DatasetsByName): unknown[] {
  const entries = new Map<string, Map<string, Record<string, unknown>>>();
  for (const result of results) {
    const extension = isRecord(result[extensionKey]) ? result[extensionKey] : {};
    const taskExtension = isRecord(extension.task) ? extension.task : {};
    const task = { type: taskExtension.type ?? card.task, ...withoutKey(taskExtension, 'type') };
    const dataset = datasets.get(result.dataset as string)!;
    const datasetExtension = isRecord(dataset[extensionKey]) ? dataset[extensionKey] : {};
    const resultDatasetExtension = isRecord(extension.dataset) ? extension.dataset : {};
    const hubDataset = defined({
      type: dataset.hub_id ?? dataset.name,
      name: 'name' in datasetExtension ? (datasetExtension.name ?? dataset.hub_id ?? dataset.name) : dataset.name,
      config: dataset.config,
      split: dataset.split,
      revision: dataset.revision,
      args: resultDatasetExtension.args,
    });
    const model = typeof result.model === 'string' ? result.model : (card.name as string);
    const group = JSON.stringify([task, hubDataset, extension.source ?? null]);
    const byGroup = entries.get(model) ?? new Map<string, Record<string, unknown>>();
    entries.set(model, byGroup);
    const hubResult = byGroup.get(group) ?? { task, dataset: hubDataset, metrics: [], ...(extension.source !== undefined ? { source: extension.source } : {}) };
    byGroup.set(group, hubResult);
    (hubResult.metrics as unknown[]).push(hubMetric(result, extension));
  }
  return [...entries].map(([name, results]) => ({ name, results: [...results.values()] }));
}

function hubMetric(result: Record<string, unknown>, extension: Record<string, unknown>): Record<string, unknown> {
  const written = typeof extension.value === 'string' ? parseValue(extension.value) : undefined;
  const value = written && written.value === result.value ? extension.value : result.value;
  return { type: result.name, value, ...(isRecord(extension.metric) ? extension.metric : {}) };
}

function withoutKey(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _omitted, ...rest } = record;
  return rest;
}

function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null));
}
