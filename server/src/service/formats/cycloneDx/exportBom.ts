/**
 * `--to cyclonedx`: a card as a CycloneDX ML-BOM (1.6, or 1.5 with `spec`). The BOM, its model and
 * data components, licences and references are built with @cyclonedx/cyclonedx-library's models
 * and its JSON normalizer for the spec version. The library (10.x) has no model for `modelCard`
 * nor for a component's `data`, so those two are added to its normalized JSON here, in the shapes
 * of the official schemas (bom-1.6.schema.json `modelCard`, `componentData`).
 */
import { isRecord } from '../../card/values';
import type { CardExporter, ExportOptions, ExportResult, Loss } from '../formatTypes';
import { mediaTypeOfPath } from '../graphicFiles';
import { Enums, Models, Serialize, SPDX, Spec } from './cycloneDxLibrary';

export const cycloneDxExporter: CardExporter = { id: 'cyclonedx', export: exportBom };

type Json = Record<string, unknown>;

const modelRef = 'model';
/** Card keys the BOM holds; any other key is reported lost. */
const writtenKeys = new Set([
  'schema_version', 'name', 'version', 'summary', 'description', 'type', 'architecture', 'task', 'owners', 'license', 'license_name', 'license_link', 'references', 'intended_use',
  'limitations', 'caveats_and_recommendations', 'tradeoffs', 'ethical_considerations', 'metrics', 'training_data', 'evaluation_data', 'graphics', 'environment', 'factors',
  'library_name', 'base_model', 'tags', 'language', 'date',
]);

export function exportBom(card: Json, options: ExportOptions): ExportResult {
  const spec = options.spec ?? '1.6';
  const losses: Loss[] = Object.keys(card).filter((key) => !writtenKeys.has(key) && !key.startsWith('x-')).map((key) => ({ where: key, reason: 'a CycloneDX model card has no place for it' }));
  const datasets = cardDatasets(card);
  const bom = new Models.Bom({ serialNumber: `urn:uuid:${globalThis.crypto.randomUUID()}` });
  bom.metadata.timestamp = options.now ?? new Date();
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, 'Model Card Studio', { group: 'modelcard-studio' }));
  const model = modelComponent(card);
  bom.metadata.component = model;
  for (const dataset of datasets) {
    const component = new Models.Component(Enums.ComponentType.Data, dataset.name, { bomRef: dataset.ref });
    bom.components.add(component);
    model.dependencies.add(component.bomRef);
  }
  const factory = new Serialize.JSON.Normalize.Factory(spec === '1.5' ? Spec.Spec1dot5 : Spec.Spec1dot6);
  const json = factory.makeForBom().normalize(bom, { sortLists: false }) as unknown as Json;
  const metadata = json.metadata as Json;
  (metadata.component as Json).modelCard = modelCard(card, datasets, spec, options.assets, losses);
  for (const component of (json.components as Json[] | undefined) ?? []) {
    const dataset = datasets.find((candidate) => candidate.ref === component['bom-ref']);
    if (dataset) component.data = [dataset.data];
  }
  return { files: [{ path: 'bom.cdx.json', text: `${JSON.stringify(json, null, 2)}\n` }], losses };
}

function modelComponent(card: Json): InstanceType<typeof Models.Component> {
  const model = new Models.Component(Enums.ComponentType.MachineLearningModel, String(card.name), {
    bomRef: modelRef,
    ...(card.version !== undefined ? { version: String(card.version) } : {}),
    ...(text(card.summary) ?? text(card.description) ? { description: (text(card.summary) ?? text(card.description))! } : {}),
  });
  const owners = list(card.owners).map((owner) => (isRecord(owner) ? owner.name : owner)).filter((owner) => typeof owner === 'string');
  if (owners.length > 0) model.author = owners.join(', ');
  if (typeof card.license === 'string') {
    const spdx = card.license === 'other' ? undefined : SPDX.fixupSpdxId(card.license);
    const named = card.license === 'other' ? String(card.license_name ?? 'other') : card.license;
    const url = typeof card.license_link === 'string' && /^https?:/.test(card.license_link) ? new URL(card.license_link) : undefined;
    model.licenses.add(spdx ? new Models.SpdxLicense(spdx) : new Models.NamedLicense(named, url ? { url } : {}));
  }
  for (const reference of list(card.references)) {
    if (typeof reference === 'string') model.externalReferences.add(new Models.ExternalReference(reference, Enums.ExternalReferenceType.Documentation));
  }
  return model;
}

interface BomDataset {
  name: string;
  ref: string;
  data: Json;
}

/** The card's datasets as data components, each with a unique bom-ref. */
function cardDatasets(card: Json): BomDataset[] {
  const seen = new Set<string>();
  return ['training_data', 'evaluation_data'].flatMap((key) =>
    list(card[key]).filter(isRecord).flatMap((dataset) => {
      const name = String(dataset.name);
      const ref = `data:${name}`;
      if (seen.has(ref)) return [];
      seen.add(ref);
      const url = typeof dataset.link === 'string' ? dataset.link : typeof dataset.hub_id === 'string' ? `https://huggingface.co/datasets/${dataset.hub_id}` : undefined;
      const sensitive = dataset.sensitive_data;
      const description = [text(dataset.description), key === 'training_data' ? 'Used for training.' : 'Used for evaluation.'].filter(Boolean).join(' ');
      const data = compact({
        type: 'dataset',
        name,
        contents: url ? { url } : undefined,
        sensitiveData: Array.isArray(sensitive) ? sensitive.map(String) : typeof sensitive === 'string' ? [sensitive] : undefined,
        description,
      });
      return [{ name, ref, data }];
    }),
  );
}

function modelCard(card: Json, datasets: BomDataset[], spec: '1.5' | '1.6', assets: ReadonlyMap<string, string> | undefined, losses: Loss[]): Json {
  const graphics = list(card.graphics).filter(isRecord).flatMap((graphic, index) => {
    const content = typeof graphic.path === 'string' ? assets?.get(graphic.path) : undefined;
    if (!content) losses.push({ where: `graphics[${index}]`, reason: `its file (${String(graphic.path)}) could not be read` });
    return content ? [{ name: String(graphic.name), image: { contentType: mediaTypeOfPath(String(graphic.path)), encoding: 'base64', content } }] : [];
  });
  return compact({
    'bom-ref': 'model-card',
    modelParameters: compact({
      task: text(card.task),
      architectureFamily: text(card.type),
      modelArchitecture: text(card.architecture),
      datasets: datasets.map((dataset) => ({ ref: dataset.ref })),
    }),
    quantitativeAnalysis: compact({
      performanceMetrics: performanceMetrics(card.metrics),
      graphics: graphics.length > 0 ? { collection: graphics } : undefined,
    }),
    considerations: considerations(card, spec, losses),
    properties: properties(card),
  });
}

/** Results as CycloneDX metrics: every value a string; the dataset and model go into the slice's name. */
function performanceMetrics(metrics: unknown): Json[] {
  const results: Json[] = isRecord(metrics) ? Object.entries(metrics).map(([name, value]) => ({ name, value })) : list(metrics).filter(isRecord);
  return results.map((result) => {
    const unit = result.unit === 'percent' ? '%' : typeof result.unit === 'string' && result.unit !== 'fraction' ? ` ${result.unit}` : '';
    const interval = result.confidence_interval;
    const [lower, upper] = Array.isArray(interval) ? interval : isRecord(interval) ? [interval.lower, interval.upper] : [];
    const slice = isRecord(result.slice) ? Object.entries(result.slice).map(([factor, value]) => `${factor}=${String(value)}`).join(', ') : typeof result.slice === 'string' ? result.slice : 'overall';
    const scope = [typeof result.dataset === 'string' ? `dataset: ${result.dataset}` : undefined, typeof result.model === 'string' ? `model: ${result.model}` : undefined, result.threshold !== undefined ? `threshold: ${String(result.threshold)}` : undefined].filter(Boolean);
    return compact({
      type: String(result.name),
      value: `${String(result.value)}${unit}`,
      slice: scope.length > 0 ? `${slice} (${scope.join('; ')})` : slice,
      confidenceInterval: typeof lower === 'number' && typeof upper === 'number' ? { lowerBound: `${lower}${unit}`, upperBound: `${upper}${unit}` } : undefined,
    });
  });
}

function considerations(card: Json, spec: '1.5' | '1.6', losses: Loss[]): Json {
  const use = isRecord(card.intended_use) ? card.intended_use : {};
  const texts = (...values: unknown[]) => values.flatMap((value) => (value === undefined ? [] : [value].flat().map(String)));
  const risks = Array.isArray(card.ethical_considerations)
    ? card.ethical_considerations.map((risk) => (isRecord(risk) ? compact({ name: [risk.name, risk.description].filter(Boolean).join(': '), mitigationStrategy: text(risk.mitigation) }) : { name: String(risk) }))
    : typeof card.ethical_considerations === 'string'
      ? [{ name: card.ethical_considerations }]
      : [];
  const environment = environmentalConsiderations(card.environment);
  if (environment && spec === '1.5') losses.push({ where: 'environment', reason: 'CycloneDX 1.5 has no environmental considerations (1.6 has)' });
  return compact({
    users: texts(use.primary_users),
    useCases: texts(use.primary_uses, use.secondary_uses),
    technicalLimitations: texts(card.limitations, card.caveats_and_recommendations),
    performanceTradeoffs: texts(card.tradeoffs),
    ethicalConsiderations: risks,
    fairnessAssessments: fairnessAssessments(card),
    environmentalConsiderations: spec === '1.6' ? environment : undefined,
  });
}

/** Each fairness test (a result `across` a factor): the factor's groups, and the test as the mitigation. */
function fairnessAssessments(card: Json): Json[] {
  const factors = isRecord(card.factors) ? [...list(card.factors.evaluation), ...list(card.factors.relevant)].filter(isRecord) : [];
  return list(card.metrics).filter(isRecord).filter((result) => result.across !== undefined).map((result) => {
    const across = [result.across].flat().map(String);
    const groups = across.map((factor) => {
      const values = list(factors.find((candidate) => candidate.name === factor)?.values);
      return values.length > 0 ? `${factor} (${values.join(', ')})` : factor;
    });
    const acceptance = isRecord(result.acceptance) ? `, held to ${String(result.acceptance.operator ?? '>=')} ${String(result.acceptance.threshold)}${result.acceptance.passed === true ? ' (passed)' : result.acceptance.passed === false ? ' (failed)' : ''}` : '';
    return { groupAtRisk: `Groups by ${groups.join(' and ')}`, mitigationStrategy: `Fairness test: ${String(result.name)} = ${String(result.value)} across ${across.join(', ')}${acceptance}.` };
  });
}

/**
 * The training's environmental impact. CycloneDX's energyConsumptions needs the energy used in
 * kWh, which a card does not state: what the card has goes into the section's properties.
 */
function environmentalConsiderations(environment: unknown): Json | undefined {
  if (!isRecord(environment)) return undefined;
  const entries = Object.entries(environment).filter(([key, value]) => !key.startsWith('x-') && value !== undefined);
  return entries.length > 0 ? { properties: entries.map(([key, value]) => ({ name: `modelcard:environment.${key}`, value: String(value) })) } : undefined;
}

/** What the card says that the model card's own fields do not hold, as `modelcard:` properties. */
function properties(card: Json): Json[] {
  const use = isRecord(card.intended_use) ? card.intended_use : {};
  const values: [string, unknown][] = [
    ['library_name', card.library_name],
    ['base_model', card.base_model],
    ['language', card.language],
    ['tags', card.tags],
    ['date', card.date],
    ['intended_use.out_of_scope', use.out_of_scope],
    ['intended_use.benefits', use.benefits],
  ];
  return values.flatMap(([name, value]) => (value === undefined ? [] : [value].flat().map((item) => ({ name: `modelcard:${name}`, value: String(item) }))));
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function compact(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0) && !(isRecord(value) && Object.keys(value).length === 0)));
}
