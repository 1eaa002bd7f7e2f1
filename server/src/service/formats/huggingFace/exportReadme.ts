/**
 * `--to hf`: a card as a Hugging Face README.md: YAML metadata (exportMetadata), then the Markdown
 * sections in the order of the Hub's model card template, with a results table per slice. With
 * `evalResults`, also the Hub's newer `.eval_results/*.yaml` files.
 */
import { stringify } from 'yaml';
import { isRecord } from '../../card/values';
import type { CardExporter, ExportResult, Loss, OutputFile } from '../formatTypes';
import { markdownTable, section, textOrBullets } from '../markdown/markdownWriter';
import { evalResultsFiles } from './evalResults';
import { hubMetadataOf } from './exportMetadata';
import { extensionKey } from './modelIndex';

export const huggingFaceExporter: CardExporter = { id: 'hf', export: exportReadme };

/** Card keys the README holds (in its metadata or its text); any other key is reported lost. */
const writtenKeys = new Set([
  'schema_version', 'name', 'version', 'date', 'summary', 'description', 'type', 'architecture', 'task', 'library_name', 'base_model', 'owners', 'license', 'license_name',
  'license_link', 'citation', 'references', 'contact', 'tags', 'language', 'intended_use', 'factors', 'metrics', 'metric_definitions', 'evaluation_data', 'training_data',
  'quantitative_analyses', 'ethical_considerations', 'caveats_and_recommendations', 'limitations', 'tradeoffs', 'graphics', 'environment', 'training', 'variants', extensionKey,
]);

export function exportReadme(card: Record<string, unknown>, options: { evalResults?: boolean }): ExportResult {
  const { metadata, losses, tableResults } = hubMetadataOf(card);
  const frontMatter = stringify(metadata, { version: '1.1', lineWidth: 0 });
  const results = Array.isArray(card.metrics) ? card.metrics.filter(isRecord) : tableResults;
  const body = readmeBody(card, results).join('\n\n');
  const files: OutputFile[] = [{ path: 'README.md', text: `---\n${frontMatter}---\n\n${body}\n` }];
  if (options.evalResults) {
    const evalResults = evalResultsFiles(card);
    files.push(...evalResults.files);
    losses.push(...evalResults.losses);
  }
  losses.push(...unwrittenKeys(card));
  return { files, losses };
}

function unwrittenKeys(card: Record<string, unknown>): Loss[] {
  const losses = Object.keys(card)
    .filter((key) => !writtenKeys.has(key))
    .map((key) => ({ where: key, reason: 'a Hugging Face README has no place for it' }));
  const owners = Array.isArray(card.owners) ? card.owners : [];
  if (owners.some((owner) => isRecord(owner) && (owner.role || owner.contact || owner.organization))) losses.push({ where: 'owners', reason: 'written by name only (roles and contacts are not)' });
  return losses;
}

function readmeBody(card: Record<string, unknown>, results: Record<string, unknown>[]): string[] {
  const use = isRecord(card.intended_use) ? card.intended_use : {};
  const analyses = isRecord(card.quantitative_analyses) ? card.quantitative_analyses : {};
  const training = isRecord(card.training) ? card.training : {};
  return [
    `# ${String(card.name)}`,
    ...(typeof card.summary === 'string' ? [card.summary] : []),
    ...group(2, 'Model Details', [
      ...section(3, 'Model Description', text(card.description), detailLines(card)),
      ...section(3, 'Model Sources', textOrBullets(card.references)),
      ...section(3, 'Variants', variantsTable(card.variants)),
    ]),
    ...group(2, 'Uses', [
      ...section(3, 'Direct Use', textOrBullets(use.primary_uses)),
      ...section(3, 'Primary Intended Users', textOrBullets(use.primary_users)),
      ...section(3, 'Downstream Use', textOrBullets(use.secondary_uses)),
      ...section(3, 'Benefits', textOrBullets(use.benefits)),
      ...section(3, 'Out-of-Scope Use', textOrBullets(use.out_of_scope)),
    ]),
    ...group(2, 'Bias, Risks, and Limitations', [
      ...(textOrBullets(card.limitations) ? [textOrBullets(card.limitations)!] : []),
      ...section(3, 'Risks', risksText(card.ethical_considerations)),
      ...section(3, 'Tradeoffs', textOrBullets(card.tradeoffs)),
      ...section(3, 'Recommendations', textOrBullets(card.caveats_and_recommendations)),
    ]),
    ...group(2, 'Training Details', [
      ...section(3, 'Training Data', datasetsText(card.training_data)),
      ...group(3, 'Training Procedure', [text(training.procedure), ...section(4, 'Training Hyperparameters', hyperparameters(training.hyperparameters))]),
    ]),
    ...group(2, 'Evaluation', [
      ...group(3, 'Testing Data, Factors & Metrics', [
        ...section(4, 'Testing Data', datasetsText(card.evaluation_data)),
        ...section(4, 'Factors', factorsText(card.factors)),
        ...section(4, 'Metrics', definitionsTable(card.metric_definitions)),
      ]),
      ...group(3, 'Results', resultsTables(results)),
      ...group(3, 'Summary', [
        text(analyses.summary),
        ...section(4, 'Unitary Results', text(analyses.unitary_results)),
        ...section(4, 'Intersectional Results', text(analyses.intersectional_results)),
        ...section(4, 'Decision Thresholds', text(analyses.decision_thresholds)),
        ...section(4, 'Approaches to Uncertainty and Variability', text(analyses.variation_approaches)),
      ]),
      ...section(3, 'Figures', figures(card.graphics)),
    ]),
    ...section(2, 'Environmental Impact', environmentLines(card.environment)),
    ...section(2, 'Technical Specifications', text(card.architecture)),
    ...section(2, 'Citation', typeof card.citation === 'string' ? `\`\`\`bibtex\n${card.citation.trim()}\n\`\`\`` : undefined),
    ...section(2, 'Model Card Contact', text(card.contact)),
  ];
}

/** A heading over its parts, or nothing when every part is empty. */
function group(level: number, heading: string, parts: (string | undefined)[]): string[] {
  const written = parts.filter((part): part is string => part !== undefined && part.trim() !== '');
  return written.length > 0 ? [`${'#'.repeat(level)} ${heading}`, ...written] : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The template's `- **Key:** value` lines of Model Description. */
function detailLines(card: Record<string, unknown>): string | undefined {
  const owners = (Array.isArray(card.owners) ? card.owners : []).map((owner) => (isRecord(owner) ? owner.name : owner)).filter((owner) => typeof owner === 'string');
  const lines = [
    ['Developed by', owners.join(', ')],
    ['Model type', card.type],
    ['Version', card.version],
    ['Date', card.date],
    ['Language(s) (NLP)', [card.language].flat().filter(Boolean).join(', ')],
    ['License', card.license],
    ['Finetuned from model', [card.base_model].flat().filter(Boolean).join(', ')],
  ].filter(([, value]) => value !== undefined && value !== '');
  return lines.length > 0 ? lines.map(([key, value]) => `- **${key}:** ${String(value)}`).join('\n') : undefined;
}

function variantsTable(variants: unknown): string | undefined {
  const list = Array.isArray(variants) ? variants.filter(isRecord) : [];
  if (list.length === 0) return undefined;
  return markdownTable(['Variant', 'Parameters', 'Description'], list.map((variant) => [String(variant.name ?? ''), String(variant.parameters ?? ''), String(variant.description ?? '')]));
}

function risksText(risks: unknown): string | undefined {
  if (!Array.isArray(risks)) return text(risks);
  const rows = risks.map((risk) => (isRecord(risk) ? [String(risk.name ?? ''), String(risk.description ?? ''), String(risk.mitigation ?? '')] : [String(risk), '', '']));
  return rows.length > 0 ? markdownTable(['Risk', 'Description', 'Mitigation'], rows) : undefined;
}

const datasetColumns = ['hub_id', 'config', 'split', 'revision', 'link', 'description'];

function datasetsText(datasets: unknown): string | undefined {
  if (!Array.isArray(datasets)) return text(datasets);
  const list = datasets.filter(isRecord);
  if (list.length === 0) return undefined;
  const columns = datasetColumns.filter((column) => list.some((dataset) => dataset[column] !== undefined));
  const header = ['Dataset', ...columns.map((column) => (column === 'hub_id' ? 'Hub id' : column[0].toUpperCase() + column.slice(1)))];
  return markdownTable(header, list.map((dataset) => [String(dataset.name ?? ''), ...columns.map((column) => String(dataset[column] ?? ''))]));
}

/** Relevant factors as a list; the factors the evaluation is broken down by as a table with their values. */
function factorsText(factors: unknown): string | undefined {
  if (!isRecord(factors)) return undefined;
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  const relevant = textOrBullets(list(factors.relevant).map((factor) => (isRecord(factor) ? factor.name : factor)));
  const evaluation = list(factors.evaluation).map((factor): Record<string, unknown> => (isRecord(factor) ? factor : { name: factor }));
  const table = evaluation.length > 0 ? markdownTable(['Factor', 'Values', 'Description'], evaluation.map((factor) => [String(factor.name), list(factor.values).join(', '), String(factor.description ?? '')])) : undefined;
  return [relevant, table].filter(Boolean).join('\n\n') || undefined;
}

function definitionsTable(definitions: unknown): string | undefined {
  const list = Array.isArray(definitions) ? definitions.filter(isRecord) : [];
  if (list.length === 0) return undefined;
  return markdownTable(['Metric', 'Description', 'Rationale'], list.map((definition) => [String(definition.name), String(definition.description ?? ''), String(definition.rationale ?? '')]));
}

function hyperparameters(values: unknown): string | undefined {
  if (!isRecord(values)) return undefined;
  return textOrBullets(Object.entries(values).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`));
}

/** One table per slice and model: metrics in rows, datasets in columns; fairness tests in a table of their own. */
function resultsTables(results: Record<string, unknown>[]): string[] {
  const fairness = results.filter((result) => result.across !== undefined);
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const result of results.filter((candidate) => candidate.across === undefined)) {
    const heading = groupHeading(result);
    groups.set(heading, [...(groups.get(heading) ?? []), result]);
  }
  const tables = [...groups].flatMap(([heading, members]) => [`#### ${heading}`, wideTable(members) ?? longTable(members, false)]);
  if (fairness.length > 0) tables.push('#### Fairness tests', longTable(fairness, true));
  return tables;
}

function groupHeading(result: Record<string, unknown>): string {
  const slice = result.slice;
  const sliceText = isRecord(slice) ? Object.entries(slice).map(([factor, value]) => `${factor}=${String(value)}`).join(', ') : typeof slice === 'string' && !/^overall$/i.test(slice) ? slice : undefined;
  const parts = [...(typeof result.model === 'string' ? [`Model: ${result.model}`] : []), ...(sliceText ? [`Slice: ${sliceText}`] : [])];
  return parts.length > 0 ? parts.join(' — ') : 'Overall';
}

/** Metrics × datasets, when no two results share a cell. */
function wideTable(results: Record<string, unknown>[]): string | undefined {
  const datasets = [...new Set(results.map((result) => (typeof result.dataset === 'string' ? result.dataset : 'Value')))];
  const metrics = [...new Set(results.map((result) => String(result.name)))];
  const cells = new Map<string, string>();
  for (const result of results) {
    const key = `${String(result.name)}\u0000${typeof result.dataset === 'string' ? result.dataset : 'Value'}`;
    if (cells.has(key) || result.threshold !== undefined) return undefined;
    cells.set(key, valueText(result));
  }
  return markdownTable(['Metric', ...datasets], metrics.map((metric) => [metric, ...datasets.map((dataset) => cells.get(`${metric}\u0000${dataset}`) ?? '')]));
}

/** One result per row. */
function longTable(results: Record<string, unknown>[], fairness: boolean): string {
  const header = ['Metric', ...(fairness ? ['Across'] : []), 'Dataset', 'Model', 'Value', fairness ? 'Acceptance' : 'Threshold'];
  return markdownTable(header, results.map((result) => [
    String(result.name),
    ...(fairness ? [[result.across].flat().join(', ')] : []),
    typeof result.dataset === 'string' ? result.dataset : '',
    typeof result.model === 'string' ? result.model : '',
    valueText(result),
    fairness ? acceptanceText(result.acceptance) : result.threshold !== undefined ? String(result.threshold) : '',
  ]));
}

/** `0.91`, `12.4%`, `0.91 [0.89, 0.93]`. */
function valueText(result: Record<string, unknown>): string {
  const percent = result.unit === 'percent' ? '%' : '';
  const interval = result.confidence_interval;
  const [lower, upper] = Array.isArray(interval) ? interval : isRecord(interval) ? [interval.lower, interval.upper] : [];
  const bounds = typeof lower === 'number' && typeof upper === 'number' ? ` [${lower}, ${upper}]` : '';
  const unit = typeof result.unit === 'string' && result.unit !== 'percent' && result.unit !== 'fraction' ? ` ${result.unit}` : '';
  return `${String(result.value)}${percent}${bounds}${unit}`;
}

function acceptanceText(acceptance: unknown): string {
  if (!isRecord(acceptance)) return '';
  const passed = acceptance.passed === true ? ' (passed)' : acceptance.passed === false ? ' (failed)' : '';
  return `${String(acceptance.operator ?? '>=')} ${String(acceptance.threshold)}${passed}`;
}

function figures(graphics: unknown): string | undefined {
  const list = Array.isArray(graphics) ? graphics.filter(isRecord) : [];
  if (list.length === 0) return undefined;
  return list.map((graphic) => `![${String(graphic.name)}](${encodeURI(String(graphic.path))})${typeof graphic.description === 'string' ? `\n\n${graphic.description}` : ''}`).join('\n\n');
}

function environmentLines(environment: unknown): string | undefined {
  if (!isRecord(environment)) return undefined;
  const lines = [
    ['Hardware Type', environment.hardware],
    ['Hours used', environment.hours],
    ['Cloud Provider', environment.cloud_provider],
    ['Compute Region', environment.region],
    ['Carbon Emitted', typeof environment.co2_eq_kg === 'number' ? `${environment.co2_eq_kg} kg CO2eq` : undefined],
  ].filter(([, value]) => value !== undefined);
  return lines.length > 0 ? lines.map(([key, value]) => `- **${key}:** ${String(value)}`).join('\n') : undefined;
}
