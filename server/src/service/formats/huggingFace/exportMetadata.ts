/**
 * The README metadata a card exports to: the Hub's keys in the order of its template, the card's
 * `x-huggingface` keys given back, and `model-index` last. The same function serves the export
 * and the check of what export would write (rule MC077).
 */
import { isRecord } from '../../card/values';
import type { DataPath, Loss } from '../formatTypes';
import { hubLicenseOf } from '../licenses';
import { extensionKey, inModelIndex, writeModelIndex, type DatasetsByName } from './modelIndex';

export interface HubMetadata {
  metadata: Record<string, unknown>;
  /** The card path each top-level metadata key comes from. */
  origins: Map<string, DataPath>;
  losses: Loss[];
  /** Results the model-index cannot hold (sliced, fairness tests, on no described dataset); the README's tables show them. */
  tableResults: Record<string, unknown>[];
}

export function hubMetadataOf(card: Record<string, unknown>): HubMetadata {
  const metadata: Record<string, unknown> = {};
  const origins = new Map<string, DataPath>();
  const losses: Loss[] = [];
  const put = (key: string, value: unknown, origin: DataPath) => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
    metadata[key] = value;
    origins.set(key, origin);
  };
  if (typeof card.license === 'string') {
    const hub = hubLicenseOf(card.license);
    put('license', hub.license, ['license']);
    put('license_name', card.license_name ?? hub.license_name, [card.license_name ? 'license_name' : 'license']);
    put('license_link', card.license_link ?? hub.license_link, [card.license_link ? 'license_link' : 'license']);
    if (hub.license !== card.license && hub.license === 'other') losses.push({ where: 'license', reason: `not on the Hub's licence list; written as license: other, license_name: ${hub.license_name}` });
  }
  put('language', card.language, ['language']);
  put('tags', card.tags, ['tags']);
  const training = datasetList(card.training_data);
  put('datasets', training.map((dataset) => dataset.hub_id ?? dataset.name).filter((id) => typeof id === 'string'), ['training_data']);
  put('metrics', datasetList(card.metric_definitions).map((definition) => definition.name).filter((name) => typeof name === 'string'), ['metric_definitions']);
  const results = Array.isArray(card.metrics) ? card.metrics.filter(isRecord) : [];
  put('base_model', card.base_model, ['base_model']);
  put('pipeline_tag', card.task, ['task']);
  put('library_name', card.library_name, ['library_name']);
  put('co2_eq_emissions', emissions(card), ['environment']);
  const extension = isRecord(card[extensionKey]) ? card[extensionKey] : {};
  for (const [key, value] of Object.entries(extension)) {
    if (key in metadata && key !== 'co2_eq_emissions') {
      losses.push({ where: `${extensionKey}.${key}`, reason: `the card's own field is written instead` });
      continue;
    }
    put(key, key === 'co2_eq_emissions' && isRecord(metadata.co2_eq_emissions) && isRecord(value) ? { ...metadata.co2_eq_emissions, ...value } : value, [extensionKey, key]);
  }
  const datasets: DatasetsByName = new Map(datasetList(card.evaluation_data).filter((dataset) => typeof dataset.name === 'string').map((dataset) => [dataset.name as string, dataset]));
  const indexed = results.filter((result) => inModelIndex(result, datasets));
  const tableResults = Array.isArray(card.metrics) ? results.filter((result) => !indexed.includes(result)) : shortFormResults(card.metrics);
  if (indexed.length > 0 && typeof card.task !== 'string' && !indexed.every((result) => isRecord(result[extensionKey]) && isRecord(result[extensionKey].task) && result[extensionKey].task.type)) {
    losses.push({ where: 'metrics', reason: 'model-index needs the card\'s `task` (task.type); the results are in the README\'s tables only' });
    tableResults.unshift(...indexed);
  } else if (indexed.length > 0) {
    put('model-index', writeModelIndex(card, indexed, datasets), ['metrics']);
  }
  if (tableResults.length > 0) losses.push({ where: 'metrics', reason: `${tableResults.length} result(s) sliced, fairness tests or on no described dataset: model-index cannot hold them; they are in the README's tables` });
  return { metadata, origins, losses, tableResults };
}

function datasetList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function shortFormResults(metrics: unknown): Record<string, unknown>[] {
  return isRecord(metrics) ? Object.entries(metrics).map(([name, value]) => ({ name, value })) : [];
}

/** `environment` as the Hub's `co2_eq_emissions` (in grams). */
function emissions(card: Record<string, unknown>): Record<string, unknown> | undefined {
  const environment = isRecord(card.environment) ? card.environment : undefined;
  if (!environment || typeof environment.co2_eq_kg !== 'number') return undefined;
  return {
    emissions: Number((environment.co2_eq_kg * 1000).toPrecision(12)),
    ...(typeof environment.hardware === 'string' ? { hardware_used: environment.hardware } : {}),
    ...(typeof environment.region === 'string' ? { geographical_location: environment.region } : {}),
  };
}
