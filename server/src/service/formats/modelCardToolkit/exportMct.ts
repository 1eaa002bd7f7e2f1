/**
 * `--to mct`: a card as Model Card Toolkit JSON, schema v0.0.2. MCT holds every value as text
 * (a percentage as "12.4%"), its datasets have no role, its metrics no dataset. Graphics are
 * inlined as base64 from the files beside the card (`assets`). What `x-model-card-toolkit` kept
 * from an import is given back.
 */
import { isRecord } from '../../card/values';
import type { CardExporter, ExportOptions, ExportResult, Loss } from '../formatTypes';
import { spdxIdOf } from '../licenses';
import { mctExtensionKey, mergedInto } from './mctExtension';

export const modelCardToolkitExporter: CardExporter = { id: 'mct', export: exportMct };

type Json = Record<string, unknown>;

/** Card keys MCT JSON holds; any other key is reported lost. */
const writtenKeys = new Set([
  'schema_version', 'name', 'version', 'date', 'summary', 'description', 'architecture', 'owners', 'license', 'license_name', 'license_link', 'references', 'citation',
  'intended_use', 'limitations', 'tradeoffs', 'ethical_considerations', 'metrics', 'training_data', 'evaluation_data', 'graphics', 'governance', mctExtensionKey,
]);

export function exportMct(card: Json, options: ExportOptions): ExportResult {
  const losses: Loss[] = Object.keys(card).filter((key) => !writtenKeys.has(key)).map((key) => ({ where: key, reason: 'Model Card Toolkit JSON has no place for it' }));
  const extension = isRecord(card[mctExtensionKey]) ? card[mctExtensionKey] : {};
  const graphics = graphicsByDataset(card.graphics, options.assets, losses);
  const json = mergedInto(
    {
      schema_version: '0.0.2',
      model_details: compact({
        name: card.name,
        overview: card.summary,
        documentation: card.description,
        owners: owners(card.owners, losses),
        version: compact({ name: text(card.version), date: card.date === undefined ? undefined : String(card.date), diff: versionDiff(card) }),
        licenses: licenses(card),
        references: list(card.references).map((reference) => ({ reference: String(reference) })),
        citations: typeof card.citation === 'string' ? [{ citation: card.citation }] : undefined,
      }),
      model_parameters: compact({
        model_architecture: card.architecture,
        data: [...list(card.training_data), ...list(card.evaluation_data)].filter(isRecord).map((dataset) => datasetOf(dataset, graphics.get(String(dataset.name)), losses)),
      }),
      quantitative_analysis: compact({
        performance_metrics: performanceMetrics(card.metrics, losses),
        graphics: graphics.get(undefined) ? { collection: graphics.get(undefined) } : undefined,
      }),
      considerations: considerations(card, losses),
    },
    extension,
  );
  if (typeof card.training_data === 'string' || typeof card.evaluation_data === 'string') losses.push({ where: 'training_data / evaluation_data', reason: 'datasets described in free text: MCT lists datasets' });
  return { files: [{ path: 'model_card.json', text: `${JSON.stringify(json, null, 2)}\n` }], losses };
}

function owners(value: unknown, losses: Loss[]): Json[] | undefined {
  const people = list(value).map((owner) => (isRecord(owner) ? owner : { name: owner }));
  if (people.some((owner) => owner.role !== undefined || owner.organization !== undefined)) losses.push({ where: 'owners', reason: 'roles and organisations: MCT owners have a name and a contact only' });
  return people.map((owner) => compact({ name: text(owner.name), contact: text(owner.contact) }));
}

/** MCT's `identifier` is an SPDX id; a Hub-only licence (`llama3`, `other`) goes in `custom_text`. */
function licenses(card: Json): Json[] | undefined {
  if (typeof card.license !== 'string') return undefined;
  const spdx = spdxIdOf(card.license);
  if (spdx) return [{ identifier: spdx }];
  const named = card.license === 'other' ? [card.license_name, card.license_link].filter(Boolean).join(': ') : card.license;
  return [{ custom_text: named || 'other' }];
}

/** The changes of the changelog entry for the card's version, as MCT's `version.diff`. */
function versionDiff(card: Json): string | undefined {
  const changelog = isRecord(card.governance) ? list(card.governance.changelog).filter(isRecord) : [];
  const entry = changelog.find((change) => String(change.version) === String(card.version)) ?? (changelog.length === 1 ? changelog[0] : undefined);
  return entry ? [entry.changes].flat().map(String).join('\n') : undefined;
}

function datasetOf(dataset: Json, graphics: Json[] | undefined, losses: Loss[]): Json {
  const unwritten = Object.keys(dataset).filter((key) => !['name', 'link', 'description', 'sensitive_data', mctExtensionKey].includes(key));
  if (unwritten.length > 0) losses.push({ where: `datasets: ${String(dataset.name)}`, reason: `${unwritten.join(', ')}: MCT datasets have a name, link, description and sensitive data only` });
  const sensitive = dataset.sensitive_data;
  const sensitiveData = Array.isArray(sensitive) ? sensitive.map(String) : typeof sensitive === 'string' ? [sensitive] : undefined;
  const written = compact({
    name: dataset.name,
    link: dataset.link,
    description: dataset.description,
    sensitive: sensitiveData ? { sensitive_data: sensitiveData } : undefined,
    graphics: graphics ? { collection: graphics } : undefined,
  });
  return mergedInto(written, dataset[mctExtensionKey]);
}

function performanceMetrics(metrics: unknown, losses: Loss[]): Json[] | undefined {
  const results: Json[] = isRecord(metrics) ? Object.entries(metrics).map(([name, value]) => ({ name, value })) : list(metrics).filter(isRecord);
  return results.map((result, index) => {
    const unwritten = ['dataset', 'model', 'across', 'acceptance', 'source', 'description'].filter((key) => result[key] !== undefined);
    if (unwritten.length > 0) losses.push({ where: `metrics[${index}]`, reason: `${unwritten.join(', ')}: MCT metrics have a type, value, slice, threshold and interval only` });
    const percent = result.unit === 'percent' ? '%' : '';
    const interval = result.confidence_interval;
    const [lower, upper] = Array.isArray(interval) ? interval : isRecord(interval) ? [interval.lower, interval.upper] : [];
    return compact({
      type: result.name,
      value: `${String(result.value)}${percent}`,
      slice: sliceText(result.slice),
      threshold: result.threshold === undefined ? undefined : String(result.threshold),
      confidence_interval: typeof lower === 'number' && typeof upper === 'number' ? { lower_bound: `${lower}${percent}`, upper_bound: `${upper}${percent}` } : undefined,
    });
  });
}

/** {accent: indian, gender: female} → "accent=indian, gender=female" (the importer reads it back). */
function sliceText(slice: unknown): string | undefined {
  if (isRecord(slice)) return Object.entries(slice).map(([factor, value]) => `${factor}=${String(value)}`).join(', ');
  return typeof slice === 'string' ? slice : undefined;
}

function considerations(card: Json, losses: Loss[]): Json | undefined {
  const use = isRecord(card.intended_use) ? card.intended_use : {};
  for (const key of ['out_of_scope', 'secondary_uses', 'benefits']) {
    if (use[key] !== undefined) losses.push({ where: `intended_use.${key}`, reason: 'MCT considerations have users and use cases only' });
  }
  const descriptions = (value: unknown) => (value === undefined ? undefined : [value].flat().map((item) => ({ description: String(item) })));
  const risks = Array.isArray(card.ethical_considerations)
    ? card.ethical_considerations.map((risk) => (isRecord(risk) ? compact({ name: risk.name, mitigation_strategy: risk.mitigation }) : { name: String(risk) }))
    : typeof card.ethical_considerations === 'string'
      ? [{ name: card.ethical_considerations }]
      : undefined;
  if (Array.isArray(card.ethical_considerations) && card.ethical_considerations.some((risk) => isRecord(risk) && risk.description !== undefined)) {
    losses.push({ where: 'ethical_considerations', reason: 'risk descriptions: MCT risks have a name and a mitigation strategy only' });
  }
  return compact({ users: descriptions(use.primary_users), use_cases: descriptions(use.primary_uses), limitations: descriptions(card.limitations), tradeoffs: descriptions(card.tradeoffs), ethical_considerations: risks });
}

/** Graphics as MCT collections, by the dataset they belong to (undefined: the analysis's); images from `assets`. */
function graphicsByDataset(graphics: unknown, assets: ReadonlyMap<string, string> | undefined, losses: Loss[]): Map<string | undefined, Json[]> {
  const byDataset = new Map<string | undefined, Json[]>();
  list(graphics).filter(isRecord).forEach((graphic, index) => {
    const image = typeof graphic.path === 'string' ? assets?.get(graphic.path) : undefined;
    if (!image) {
      losses.push({ where: `graphics[${index}]`, reason: `its file (${String(graphic.path)}) could not be read` });
      return;
    }
    const extension = isRecord(graphic[mctExtensionKey]) ? graphic[mctExtensionKey] : {};
    const dataset = typeof extension.dataset === 'string' ? extension.dataset : undefined;
    byDataset.set(dataset, [...(byDataset.get(dataset) ?? []), { name: graphic.name, image }]);
    if (graphic.description !== undefined) losses.push({ where: `graphics[${index}].description`, reason: 'MCT graphics have a name and an image only' });
  });
  return byDataset;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** The object without its undefined values and empty lists; undefined when nothing is left. */
function compact(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0) && !(isRecord(value) && Object.keys(value).length === 0)));
}
