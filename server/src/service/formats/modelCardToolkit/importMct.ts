/**
 * `--from mct`: Google Model Card Toolkit JSON (schema v0.0.2, and v0.0.1 migrated as MCT's own
 * json_utils.update() does: `license` → `licenses`, `data.train`/`data.eval` → `data[]`, plain
 * strings → objects). Base64 graphics become image files beside the card; non-ISO dates are read
 * where they are unambiguous. What the card has no field for is kept under `x-model-card-toolkit`.
 */
import { isRecord } from '../../card/values';
import { isoDate } from '../../text/dates';
import type { CardImporter, FormatFinding, ImportResult, ImportSource, Loss, OutputFile } from '../formatTypes';
import { base64ImageType, fileSlug, PathAllocator } from '../graphicFiles';
import { completedCard, nameFromFileName } from '../importedCard';
import { cardLicenseOf } from '../licenses';
import { parseValue } from '../markdown/resultsTables';
import { mctExtensionKey, setAt } from './mctExtension';

export const modelCardToolkitImporter: CardImporter = { id: 'mct', import: importMct };

type Json = Record<string, unknown>;

export function importMct(source: ImportSource): ImportResult {
  const findings: FormatFinding[] = [];
  let json: unknown;
  try {
    json = JSON.parse(source.text);
  } catch (error) {
    const position = Number(/position (\d+)/.exec(String(error))?.[1] ?? 0);
    return { card: undefined, losses: [], findings: [{ severity: 'error', start: position, end: position + 1, message: `Not valid JSON: ${(error as Error).message}.` }], files: [] };
  }
  if (!isRecord(json)) return { card: undefined, losses: [], findings: [{ severity: 'error', message: 'A Model Card Toolkit card is a JSON object with model_details, model_parameters, quantitative_analysis and considerations; this file holds something else.' }], files: [] };
  const reader = new MctReader(findings);
  const card = reader.read(migrated(json, findings), source.fileName);
  return { card: completedCard(card, findings), losses: reader.losses, findings, files: reader.files };
}

/** A v0.0.1 card in the v0.0.2 layout (MCT's json_utils.update()); other versions as they are. */
function migrated(json: Json, findings: FormatFinding[]): Json {
  const version = json.schema_version;
  if (version !== undefined && version !== '0.0.1' && version !== '0.0.2') {
    findings.push({ severity: 'warning', message: `Unknown Model Card Toolkit schema_version ${JSON.stringify(version)}: read as 0.0.2.` });
  }
  if (version !== '0.0.1') return json;
  const details = isRecord(json.model_details) ? { ...json.model_details } : {};
  if (typeof details.license === 'string') details.licenses = [{ identifier: details.license }];
  if (typeof details.citation === 'string') details.citations = [{ citation: details.citation }];
  if (Array.isArray(details.references)) details.references = details.references.map((reference) => (typeof reference === 'string' ? { reference } : reference));
  delete details.license;
  delete details.citation;
  const parameters = isRecord(json.model_parameters) ? { ...json.model_parameters } : {};
  if (isRecord(parameters.data)) {
    const { train, eval: evaluation } = parameters.data;
    parameters.data = [
      ...(isRecord(train) ? [{ name: 'Training Set', ...train }] : []),
      ...(isRecord(evaluation) ? [{ name: 'Validation Set', ...evaluation }] : []),
    ];
  }
  const considerations = isRecord(json.considerations) ? { ...json.considerations } : {};
  for (const key of ['users', 'use_cases', 'limitations', 'tradeoffs']) {
    if (Array.isArray(considerations[key])) considerations[key] = (considerations[key] as unknown[]).map((item) => (typeof item === 'string' ? { description: item } : item));
  }
  findings.push({ severity: 'information', message: 'Model Card Toolkit schema 0.0.1, migrated to 0.0.2 as MCT does (license → licenses, data.train/eval → data[]).' });
  return { ...json, schema_version: '0.0.2', model_details: details, model_parameters: parameters, considerations };
}

class MctReader {
  readonly losses: Loss[] = [];
  readonly files: OutputFile[] = [];
  private readonly extension: Json = {};
  private graphics: Json[] = [];
  private paths: PathAllocator | undefined;

  constructor(private readonly findings: FormatFinding[]) {}

  read(json: Json, fileName: string): Json {
    const details = record(json.model_details);
    const parameters = record(json.model_parameters);
    const analysis = record(json.quantitative_analysis);
    const considerations = record(json.considerations);
    const name = text(details.name) ?? nameFromFileName(fileName);
    this.paths = new PathAllocator(`${fileSlug(name)}-graphics`);
    const card: Json = { name };
    const version = record(details.version);
    assign(card, 'version', text(version.name));
    const date = this.date(version.date);
    if (date) card.date = date;
    assign(card, 'summary', text(details.overview));
    assign(card, 'description', text(details.documentation));
    assign(card, 'architecture', text(parameters.model_architecture));
    const owners = list(details.owners).filter(isRecord).flatMap((owner) => (text(owner.name) ? [{ name: text(owner.name), ...(text(owner.contact) ? { contact: text(owner.contact) } : {}) }] : []));
    if (owners.length > 0) card.owners = owners;
    this.licenses(list(details.licenses), card);
    const references = list(details.references).map((reference) => text(isRecord(reference) ? reference.reference : reference)).filter((reference): reference is string => reference !== undefined);
    if (references.length > 0) card.references = references;
    const citations = [...list(details.citations), ...(isRecord(details.citation) ? [details.citation] : [])].map((citation) => text(isRecord(citation) ? citation.citation : citation)).filter(Boolean);
    if (citations.length > 0) card.citation = citations.join('\n\n');
    for (const [key, path] of [['path', ['model_details', 'path']], ['input_format', ['model_parameters', 'input_format']], ['input_format_map', ['model_parameters', 'input_format_map']], ['output_format', ['model_parameters', 'output_format']], ['output_format_map', ['model_parameters', 'output_format_map']]] as const) {
      const value = path[0] === 'model_details' ? details[key] : parameters[key];
      if (value !== undefined) this.keep([...path], value);
    }
    if (text(version.diff)) card.governance = { changelog: [{ ...(text(version.name) ? { version: text(version.name) } : {}), ...(date ? { date } : {}), changes: text(version.diff) }] };
    this.datasets(list(parameters.data), card);
    const results = list(analysis.performance_metrics).flatMap((metric, index) => this.result(metric, index));
    if (results.length > 0) card.metrics = results;
    const graphicsDescription = this.graphicsOf(analysis.graphics, 'quantitative_analysis.graphics');
    if (graphicsDescription) this.keep(['quantitative_analysis', 'graphics', 'description'], graphicsDescription);
    this.considerations(considerations, card);
    if (this.graphics.length > 0) card.graphics = this.graphics;
    if (Object.keys(this.extension).length > 0) card[mctExtensionKey] = this.extension;
    return card;
  }

  /** An ISO date, or an unambiguous other form ("2020/02/02", "08/28/2020"); else kept aside with a finding. */
  private date(value: unknown): string | undefined {
    const written = text(value);
    if (!written) return undefined;
    const iso = mctDate(written);
    if (iso && iso !== written) this.findings.push({ severity: 'information', message: `The version date "${written}" was read as ${iso}.` });
    if (!iso) {
      this.keep(['model_details', 'version', 'date'], written);
      this.findings.push({ severity: 'warning', message: `The version date "${written}" can be read day-first or month-first; it is kept under ${mctExtensionKey}. Set \`date\` in the card.` });
    }
    return iso;
  }

  private licenses(licenses: unknown[], card: Json): void {
    const [first, ...rest] = licenses.filter(isRecord);
    if (!first) return;
    const written = text(first.identifier) ?? text(first.custom_text);
    const id = written && cardLicenseOf(written);
    if (id) card.license = id;
    else {
      this.keep(['model_details', 'licenses'], licenses);
      this.findings.push({ severity: 'warning', message: `The licence "${written ?? ''}" is not an SPDX or Hub licence id; it is kept under ${mctExtensionKey}. Set \`license\` in the card.` });
    }
    if (id && written !== id) this.findings.push({ severity: 'information', message: `The licence "${written}" was read as \`${id}\`.` });
    rest.forEach((_license, index) => this.losses.push({ where: `model_details.licenses[${index + 1}]`, reason: 'a card has one licence' }));
  }

  /** MCT's datasets have no role: names that say train go to training_data, the others to evaluation_data. */
  private datasets(data: unknown[], card: Json): void {
    data.filter(isRecord).forEach((dataset, index) => {
      const name = text(dataset.name) ?? `dataset ${index + 1}`;
      const sensitive = list(record(dataset.sensitive).sensitive_data).map(String);
      const described: Json = { name };
      assign(described, 'link', text(dataset.link));
      assign(described, 'description', text(dataset.description));
      if (sensitive.length > 0) described.sensitive_data = sensitive;
      else if (typeof dataset.sensitive === 'boolean') described.sensitive_data = dataset.sensitive;
      const graphicsDescription = this.graphicsOf(dataset.graphics, `model_parameters.data[${index}].graphics`, name);
      if (graphicsDescription) {
        described[mctExtensionKey] = { graphics: { description: graphicsDescription } };
        this.losses.push({ where: `model_parameters.data[${index}].graphics.description`, reason: `no card field; kept under the dataset's ${mctExtensionKey}` });
      }
      const key = /train/i.test(name) ? 'training_data' : 'evaluation_data';
      card[key] = [...list(card[key]), described];
    });
  }

  private result(metric: unknown, index: number): Json[] {
    const where = `quantitative_analysis.performance_metrics[${index}]`;
    if (!isRecord(metric) || !text(metric.type)) {
      this.losses.push({ where, reason: 'a metric without type' });
      return [];
    }
    const parsed = typeof metric.value === 'number' ? { value: metric.value, percent: false } : typeof metric.value === 'string' ? parseValue(metric.value) : undefined;
    if (!parsed) {
      this.losses.push({ where, reason: `its value ${JSON.stringify(metric.value ?? null)} is not a number` });
      this.findings.push({ severity: 'warning', message: `The value of ${where} (${text(metric.type)}) is ${JSON.stringify(metric.value ?? null)}, not a number; it was not imported.` });
      return [];
    }
    const result: Json = { name: text(metric.type), value: parsed.value };
    if (parsed.percent) result.unit = 'percent';
    const slice = text(metric.slice);
    if (slice && !/^overall$/i.test(slice)) result.slice = sliceOf(slice);
    const threshold = numberOf(metric.threshold);
    if (threshold !== undefined) result.threshold = threshold;
    const interval = record(metric.confidence_interval);
    const [lower, upper] = [numberOf(interval.lower_bound), numberOf(interval.upper_bound)];
    if (lower !== undefined && upper !== undefined) result.confidence_interval = { lower, upper };
    return [result];
  }

  /** Each base64 image becomes a file beside the card, and a `graphics` entry pointing to it; returns the collection's description. */
  private graphicsOf(collection: unknown, where: string, dataset?: string): string | undefined {
    const graphics = record(collection);
    list(graphics.collection).forEach((graphic, index) => {
      if (!isRecord(graphic)) return;
      const name = text(graphic.name) ?? `graphic ${index + 1}`;
      const image = typeof graphic.image === 'string' ? base64ImageType(graphic.image) : undefined;
      if (!image) {
        this.losses.push({ where: `${where}.collection[${index}]`, reason: 'its image is not base64 image data' });
        this.findings.push({ severity: 'warning', message: `Graphic "${name}" holds no image (its "image" is not base64 image data); it was not imported.` });
        return;
      }
      const path = this.paths!.next(fileSlug(name), image.extension);
      this.files.push({ path, base64: (graphic.image as string).replace(/\s+/g, '') });
      this.graphics.push({ name, path, ...(text(graphic.description) ? { description: text(graphic.description) } : {}), ...(dataset ? { [mctExtensionKey]: { dataset } } : {}) });
    });
    return text(graphics.description);
  }

  private considerations(considerations: Json, card: Json): void {
    const descriptions = (key: string) => list(considerations[key]).map((item) => text(isRecord(item) ? item.description : item)).filter((item): item is string => item !== undefined);
    const intendedUse: Json = {};
    if (descriptions('use_cases').length > 0) intendedUse.primary_uses = descriptions('use_cases');
    if (descriptions('users').length > 0) intendedUse.primary_users = descriptions('users');
    if (Object.keys(intendedUse).length > 0) card.intended_use = intendedUse;
    if (descriptions('limitations').length > 0) card.limitations = descriptions('limitations');
    if (descriptions('tradeoffs').length > 0) card.tradeoffs = descriptions('tradeoffs');
    const risks = list(considerations.ethical_considerations).filter(isRecord).flatMap((risk) => (text(risk.name) ? [{ name: text(risk.name), ...(text(risk.mitigation_strategy) ? { mitigation: text(risk.mitigation_strategy) } : {}) }] : []));
    if (risks.length > 0) card.ethical_considerations = risks;
  }

  private keep(path: string[], value: unknown): void {
    setAt(this.extension, path, value);
    this.losses.push({ where: path.join('.'), reason: `no card field; kept under ${mctExtensionKey}` });
  }
}

/** An MCT date as ISO: ISO as it is; "2020/02/02"; "08/28/2020" (month first when the day cannot be a month). */
export function mctDate(text: string): string | undefined {
  return /^\d{4}(-\d\d){0,2}$/.test(text) ? text : (isoDate(text) ?? monthFirstDate(text));
}

/** "08/28/2020": month first when the day cannot be a month (MCT's own test data is US-style). */
function monthFirstDate(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match || Number(match[1]) > 12 || Number(match[2]) <= 12) return undefined;
  return isoDate(`${match[3]}-${match[1]}-${match[2]}`);
}

/** `accent=indian, gender=female` → {accent: indian, gender: female}; any other slice name as it is. */
export function sliceOf(text: string): string | Record<string, string> {
  const parts = text.split(/\s*,\s*/).map((part) => /^([^=]+?)\s*=\s*(.+)$/.exec(part));
  return parts.length > 0 && parts.every((part) => part !== null) ? Object.fromEntries(parts.map((part) => [part![1], part![2]])) : text;
}

function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function numberOf(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

function assign(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}
