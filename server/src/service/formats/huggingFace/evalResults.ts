/**
 * The Hub's newer evaluation results: `.eval_results/*.yaml` files in the model repository
 * (hub-docs docs/hub/eval-results.md), one entry per result: `dataset {id, task_id, revision}`,
 * `value`, `date`, `source {url, name}` and `notes`. Only results on a dataset with a Hub id can be
 * written (the id names the benchmark); the format has no metric name, so `notes` carries it.
 */
import { stringify } from 'yaml';
import { isRecord } from '../../card/values';
import type { Loss, OutputFile } from '../formatTypes';
import { fileSlug } from '../graphicFiles';
import { extensionKey } from './modelIndex';

export function evalResultsFiles(card: Record<string, unknown>): { files: OutputFile[]; losses: Loss[] } {
  const datasets = new Map((Array.isArray(card.evaluation_data) ? card.evaluation_data.filter(isRecord) : []).map((dataset) => [dataset.name, dataset]));
  const entriesById = new Map<string, Record<string, unknown>[]>();
  const losses: Loss[] = [];
  const results = Array.isArray(card.metrics) ? card.metrics.filter(isRecord) : [];
  results.forEach((result, index) => {
    const dataset = datasets.get(result.dataset);
    if (typeof dataset?.hub_id !== 'string' || typeof result.value !== 'number') {
      losses.push({ where: `metrics[${index}]`, reason: '.eval_results needs a result on a dataset with a hub_id' });
      return;
    }
    const extension = isRecord(result[extensionKey]) ? result[extensionKey] : {};
    const source = isRecord(extension.source) && typeof extension.source.url === 'string' ? extension.source : undefined;
    const entry = {
      dataset: { id: dataset.hub_id, task_id: typeof dataset.config === 'string' ? dataset.config : 'default', ...(typeof dataset.revision === 'string' ? { revision: dataset.revision } : {}) },
      value: result.value,
      ...(typeof card.date === 'string' && /^\d{4}-\d\d-\d\d$/.test(card.date) ? { date: card.date } : {}),
      ...(source ? { source } : {}),
      notes: notesOf(result),
    };
    entriesById.set(dataset.hub_id, [...(entriesById.get(dataset.hub_id) ?? []), entry]);
  });
  const files = [...entriesById].map(([id, entries]) => ({ path: `.eval_results/${fileSlug(id.replace(/\//g, '--'))}.yaml`, text: stringify(entries, { version: '1.1', lineWidth: 0 }) }));
  return { files, losses };
}

/** What the entry measures, since the format names no metric: `accuracy`, `wer (percent) on large, accent=indian`. */
function notesOf(result: Record<string, unknown>): string {
  const slice = isRecord(result.slice) ? Object.entries(result.slice).map(([factor, value]) => `${factor}=${String(value)}`).join(', ') : typeof result.slice === 'string' ? result.slice : undefined;
  const scope = [typeof result.model === 'string' ? result.model : undefined, slice].filter(Boolean).join(', ');
  return `${String(result.name)}${result.unit === 'percent' ? ' (percent)' : ''}${scope ? ` on ${scope}` : ''}`;
}
