/**
 * `--from hf`: a Hugging Face README.md (YAML metadata, then the Markdown card) as a card. The
 * metadata the card has fields for is mapped; the rest (widget, inference, thumbnail, ...) is kept
 * under `x-huggingface`, so that export gives it back. The body is read by heading and table.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isRecord } from '../../card/values';
import { languageCodeOf } from '../../vocabulary/languages';
import { pipelineSubtasks, pipelineTags } from '../../vocabulary/vocabularies';
import type { CardImporter, FormatFinding, ImportResult, ImportSource, Loss } from '../formatTypes';
import { completedCard, nameFromFileName } from '../importedCard';
import { cardLicenseOf } from '../licenses';
import { bodyPlace } from '../markdown/importMarkdown';
import { readCardBody } from '../markdown/cardBody';
import { parseFrontMatter, readmeParts } from './frontMatter';
import { extensionKey, readModelIndex } from './modelIndex';
import { nodeAt, spanOf } from '../../parsing/yamlNodes';
import type { ParsedCard } from '../../parsing/parsedCard';

export const huggingFaceImporter: CardImporter = { id: 'hf', import: importReadme };

/** Metadata keys the card has fields for; every other key goes under `x-huggingface` as it is. */
const mappedKeys = ['license', 'license_name', 'license_link', 'language', 'tags', 'datasets', 'metrics', 'base_model', 'pipeline_tag', 'library_name', 'model-index', 'co2_eq_emissions'];

export function importReadme(source: ImportSource): ImportResult {
  const parts = readmeParts(source.text);
  const frontMatter = parseFrontMatter(TextDocument.create('untitled:README.md', 'markdown', 1, source.text), parts);
  const findings: FormatFinding[] = [];
  const losses: Loss[] = [];
  const metadata = readMetadata(frontMatter, findings);
  const firstLine = source.text.slice(0, parts.bodyStart).split(/\r\n|\r|\n/).length - 1;
  const body = readCardBody(source.text.slice(parts.bodyStart), bodyPlace(source.text, firstLine));
  const mapped = mapMetadata(metadata, frontMatter, findings, losses);
  const name = mapped.name ?? body.title ?? nameFromFileName(source.fileName);
  const { name: _name, ...fields } = mapped;
  findings.push(...body.findings);
  const card = completedCard(merged({ name }, placedDatasetText(body.fields, fields, losses), fields), findings);
  return { card, losses: [...losses, ...body.losses], findings, files: [] };
}

/** The metadata as plain data; an invalid or missing block gives a finding and no metadata (the body is still read). */
function readMetadata(frontMatter: ParsedCard | undefined, findings: FormatFinding[]): Record<string, unknown> {
  if (!frontMatter) {
    findings.push({ severity: 'information', message: 'The README has no metadata block (YAML between `---` lines at the top); only its text was imported.' });
    return {};
  }
  const syntax = frontMatter.problems.find((problem) => problem.kind === 'syntax' || problem.kind === 'aliasBomb');
  if (syntax) {
    findings.push({ severity: 'error', start: syntax.start, end: syntax.end, message: `The README's metadata is not valid YAML (${syntax.message}); only its text was imported.` });
    return {};
  }
  const yamlText = frontMatter.text.trim();
  if (/^\{\{?\s*[\w.]+\s*\}?\}$/.test(yamlText)) {
    const start = frontMatter.text.indexOf(yamlText);
    findings.push({ severity: 'error', start, end: start + yamlText.length, message: `The README's metadata is a template placeholder (${yamlText}), not metadata; only its text was imported.` });
    return {};
  }
  if (!isRecord(frontMatter.value)) {
    const [start, end] = frontMatter.yaml?.contents?.range ?? [0, 0];
    const what = Array.isArray(frontMatter.value) ? 'a list' : frontMatter.value === null || frontMatter.value === undefined ? 'empty' : 'a single value';
    if (what !== 'empty') findings.push({ severity: 'error', start, end, message: `The README's metadata is ${what}, not a mapping of keys (the Hub refuses it); only its text was imported.` });
    return {};
  }
  if (datasetCardKeys.some((key) => key in (frontMatter.value as Record<string, unknown>))) {
    findings.push({ severity: 'warning', message: 'This README looks like a dataset card (task_categories, size_categories...), not a model card; its metadata is imported as it is.' });
  }
  return frontMatter.value;
}

/** Keys only dataset cards have. */
const datasetCardKeys = ['task_categories', 'size_categories', 'annotations_creators', 'source_datasets', 'dataset_info', 'configs'];

interface MappedMetadata extends Record<string, unknown> {
  name?: string;
}

function mapMetadata(metadata: Record<string, unknown>, frontMatter: ParsedCard | undefined, findings: FormatFinding[], losses: Loss[]): MappedMetadata {
  const card: MappedMetadata = {};
  const finding = (path: (string | number)[], message: string, severity: FormatFinding['severity'] = 'warning') => {
    const node = frontMatter && nodeAt(frontMatter.root, path);
    findings.push({ severity, message, ...(node?.range ? { start: spanOf(node)[0], end: spanOf(node)[1] } : {}) });
  };
  const extension: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (!mappedKeys.includes(key)) extension[key] = value;
  }
  mapLicense(metadata, card, extension, finding);
  const language = languagesOf(metadata.language, finding, extension);
  if (language !== undefined) card.language = language;
  const tags = stringList(metadata.tags);
  if (tags) card.tags = tags;
  const trainingSets = stringList(metadata.datasets);
  if (trainingSets) card.training_data = trainingSets.map((id) => ({ name: id, hub_id: id }));
  const metrics = stringList(metadata.metrics);
  if (metrics) card.metric_definitions = metrics.map((name) => ({ name }));
  const baseModel = Array.isArray(metadata.base_model) ? stringList(metadata.base_model) : typeof metadata.base_model === 'string' ? metadata.base_model : undefined;
  if (baseModel) card.base_model = baseModel;
  mapPipelineTag(metadata.pipeline_tag, card, extension, finding);
  if (typeof metadata.library_name === 'string') card.library_name = metadata.library_name;
  mapEmissions(metadata.co2_eq_emissions, card, extension);
  const index = readModelIndex(metadata['model-index'], card.task as string | undefined);
  for (const problem of index.problems) finding(problem.path as (string | number)[], problem.message);
  losses.push(...index.losses);
  if (index.name) card.name = index.name;
  if (index.task) card.task = index.task;
  if (index.variants.length > 0) card.variants = index.variants.map((name) => ({ name }));
  if (index.results.length > 0) card.metrics = index.results;
  if (index.datasets.length > 0) card.evaluation_data = index.datasets;
  if (Object.keys(extension).length > 0) {
    card[extensionKey] = extension;
    for (const key of Object.keys(extension)) losses.push({ where: key, reason: `no card field; kept under ${extensionKey}` });
  }
  return card;
}

function mapLicense(metadata: Record<string, unknown>, card: MappedMetadata, extension: Record<string, unknown>, finding: (path: (string | number)[], message: string) => void): void {
  const license = Array.isArray(metadata.license) && metadata.license.length === 1 ? metadata.license[0] : metadata.license;
  if (license === undefined || license === null) return;
  const id = typeof license === 'string' ? cardLicenseOf(license) : undefined;
  if (!id) {
    extension.license = metadata.license;
    finding(['license'], `The licence ${JSON.stringify(license)} is not a Hub or SPDX licence id; it is kept under ${extensionKey}.license. Set \`license\` in the card.`);
    return;
  }
  card.license = id;
  for (const key of ['license_name', 'license_link'] as const) {
    if (typeof metadata[key] === 'string') card[key] = metadata[key];
  }
}

/** `pipeline_tag` as the card's task: a subtask (`sentiment-analysis`) as its tag; an unknown tag kept aside. */
function mapPipelineTag(tag: unknown, card: MappedMetadata, extension: Record<string, unknown>, finding: (path: (string | number)[], message: string) => void): void {
  if (tag === undefined || tag === null) return;
  if (typeof tag === 'string' && pipelineTags.some((term) => term.id === tag)) {
    card.task = tag;
    return;
  }
  const parent = typeof tag === 'string' ? pipelineSubtasks[tag] : undefined;
  if (parent) {
    card.task = parent;
    finding(['pipeline_tag'], `\`${String(tag)}\` is a kind of \`${parent}\`, the pipeline tag the card's task is set to.`);
    return;
  }
  extension.pipeline_tag = tag;
  finding(['pipeline_tag'], `\`${String(tag)}\` is not a Hugging Face pipeline tag; it is kept under ${extensionKey}.pipeline_tag. Set \`task\` in the card.`);
}

/** `language` as codes: a code, a name ("English"), a comma-separated text or a list of them. Unreadable ones are kept aside. */
function languagesOf(value: unknown, finding: (path: (string | number)[], message: string) => void, extension: Record<string, unknown>): string | string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const written = typeof value === 'string' ? value.split(/\s*[,;]\s*/).filter(Boolean) : Array.isArray(value) ? value.map(String) : [String(value)];
  const codes: string[] = [];
  const unread: string[] = [];
  for (const text of written) {
    const code = languageCodeOf(text);
    if (code) codes.push(code);
    else unread.push(text);
  }
  if (unread.length > 0) {
    extension.language = value;
    finding(['language'], `Language ${unread.map((text) => `\`${text}\``).join(', ')} is not an ISO 639 code or language name; the metadata's \`language\` is kept under ${extensionKey}.language.`);
  }
  const unique = [...new Set(codes)];
  return unique.length === 0 ? undefined : typeof value === 'string' && unique.length === 1 ? unique[0] : unique;
}

/** `co2_eq_emissions` (grams, or {emissions, hardware_used, geographical_location, ...}) as the card's environment; the rest stays aside. */
function mapEmissions(value: unknown, card: MappedMetadata, extension: Record<string, unknown>): void {
  if (value === undefined || value === null) return;
  const emissions = typeof value === 'number' ? value : isRecord(value) && typeof value.emissions === 'number' ? value.emissions : undefined;
  if (emissions === undefined) {
    extension.co2_eq_emissions = value;
    return;
  }
  const details = isRecord(value) ? value : {};
  const environment: Record<string, unknown> = { co2_eq_kg: Number((emissions / 1000).toPrecision(12)) };
  if (typeof details.hardware_used === 'string') environment.hardware = details.hardware_used;
  if (typeof details.geographical_location === 'string') environment.region = details.geographical_location;
  card.environment = environment;
  const { emissions: _e, hardware_used: _h, geographical_location: _g, ...rest } = details;
  if (Object.keys(rest).length > 0) extension.co2_eq_emissions = rest;
}

function stringList(value: unknown): string[] | undefined {
  const items = (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map(String);
  return items.length > 0 ? items : undefined;
}

/** The body's fields, then the metadata's (which win), merging the sections both fill. */
function merged(...parts: Record<string, unknown>[]): Record<string, unknown> {
  const card: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = card[key];
      if ((key === 'environment' || key === 'intended_use') && isRecord(existing) && isRecord(value)) card[key] = { ...existing, ...value };
      else if (key === 'metrics' && Array.isArray(existing) && Array.isArray(value)) card[key] = mergedResults(existing, value);
      else if ((key === 'evaluation_data' || key === 'training_data' || key === 'metric_definitions') && Array.isArray(existing) && Array.isArray(value)) card[key] = mergedByName(existing, value);
      else card[key] = value;
    }
  }
  return card;
}

/** Two lists of named entries (datasets, metric definitions) as one: entries of the same name merged, `preferred`'s values first. */
function mergedByName(other: unknown[], preferred: unknown[]): unknown[] {
  const merged = preferred.map((entry) => {
    const twin = isRecord(entry) ? other.find((candidate) => isRecord(candidate) && candidate.name === entry.name) : undefined;
    return isRecord(twin) && isRecord(entry) ? { ...twin, ...entry } : entry;
  });
  const names = new Set(preferred.map((entry) => (isRecord(entry) ? entry.name : undefined)));
  return [...merged, ...other.filter((entry) => !isRecord(entry) || !names.has(entry.name))];
}

/** The model-index's results, with what a results table adds to them (unit, threshold, interval); then the table results the model-index lacks. */
function mergedResults(tableResults: unknown[], indexResults: unknown[]): unknown[] {
  const completed = indexResults.map((known) => {
    const twin = tableResults.find((result) => sameResult(known, result));
    if (!isRecord(known) || !isRecord(twin)) return known;
    const added = Object.fromEntries(['unit', 'threshold', 'confidence_interval'].filter((key) => known[key] === undefined && twin[key] !== undefined).map((key) => [key, twin[key]]));
    return { ...known, ...added };
  });
  return [...completed, ...tableResults.filter((result) => !indexResults.some((known) => sameResult(known, result)))];
}

/** A results table in the text that repeats a model-index result (same metric, value and slice). */
function sameResult(known: unknown, result: unknown): boolean {
  if (!isRecord(known) || !isRecord(result)) return false;
  return String(known.name).toLowerCase() === String(result.name).toLowerCase() && known.value === result.value && known.model === result.model && result.slice === undefined;
}

/**
 * The body's text about the training or evaluation data, when the metadata lists the datasets: the
 * description of the one dataset listed, or kept in the card's description under its heading.
 */
function placedDatasetText(body: Record<string, unknown>, metadata: Record<string, unknown>, losses: Loss[]): Record<string, unknown> {
  const placed = { ...body };
  for (const key of ['training_data', 'evaluation_data'] as const) {
    const text = body[key];
    const datasets = metadata[key];
    if (typeof text !== 'string' || !Array.isArray(datasets)) continue;
    delete placed[key];
    if (datasets.length === 1 && isRecord(datasets[0]) && datasets[0].description === undefined) {
      datasets[0] = { ...datasets[0], description: text };
      continue;
    }
    const heading = key === 'training_data' ? 'Training data' : 'Evaluation data';
    placed.description = [placed.description, `## ${heading}\n\n${text}`].filter(Boolean).join('\n\n');
    losses.push({ where: `section "${heading}"`, reason: 'text about several datasets; kept in description' });
  }
  return placed;
}
