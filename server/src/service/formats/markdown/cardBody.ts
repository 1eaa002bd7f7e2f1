/**
 * A card's fields read from a Markdown model card's body: sections by heading (sectionTargets),
 * results from tables (resultsTables), the template's `- **Key:** value` lines. Text with no field
 * of its own is kept in `description`, under its heading, and listed as a loss.
 */
import { isoDate } from '../../text/dates';
import { languageCodeOf } from '../../vocabulary/languages';
import { isPlaceholderText } from '../../text/placeholders';
import { defaultSettings } from '../../../protocol';
import { cardLicenseOf } from '../licenses';
import type { FormatFinding, Loss } from '../formatTypes';
import { linesText, readMarkdown, type MarkdownSection, type MarkdownTable } from './markdownDocument';
import { readResultsTable, type TableContext, type TableResult } from './resultsTables';
import { normalizedHeading, sectionTarget, type SectionTarget } from './sectionTargets';

export interface BodyReading {
  /** The card's fields found in the body (no `name`). */
  fields: Record<string, unknown>;
  /** The first level-1 heading, the model's name with "Model Card for" and the like taken off. */
  title?: string;
  losses: Loss[];
  findings: FormatFinding[];
}

/** Where the body is in its file: its first line's number there (0-based) and a line's offset. */
export interface BodyPlace {
  firstLine: number;
  offsetOfLine(line: number): number;
}

const intendedUseKeys: Partial<Record<SectionTarget, string>> = { primary_uses: 'primary_uses', primary_users: 'primary_users', secondary_uses: 'secondary_uses', benefits: 'benefits', out_of_scope: 'out_of_scope' };

export function readCardBody(text: string, place: BodyPlace): BodyReading {
  const document = readMarkdown(text);
  const reader = new BodyReader(document.lines, place);
  reader.readSection(document.preamble, 'description', false);
  const stack: { level: number; target: SectionTarget }[] = [];
  let title: string | undefined;
  for (const section of document.sections) {
    while (stack.length > 0 && stack[stack.length - 1].level >= section.level) stack.pop();
    const own = sectionTarget(section.heading);
    if (section.level === 1 && title === undefined && own === undefined) {
      title = modelNameOf(section.heading);
      stack.push({ level: 1, target: 'description' });
      reader.readSection(section, 'description', false);
      continue;
    }
    const target = own ?? stack[stack.length - 1]?.target ?? 'description';
    stack.push({ level: section.level, target });
    reader.readSection(section, target, own === undefined || (own === 'description' && !/^(model )?(description|details|overview)$/.test(normalizedHeading(section.heading))));
  }
  return { fields: reader.fields(), ...(title ? { title } : {}), losses: reader.losses, findings: reader.findings };
}

/** "Model Card for X", "Model Card: X", "X Model Card" → X. */
function modelNameOf(heading: string): string {
  return heading.replace(/^model card(\s+for|\s*[:\u2013\u2014-])?\s+/i, '').replace(/\s+model card$/i, '').trim() || heading.trim();
}

class BodyReader {
  readonly losses: Loss[] = [];
  readonly findings: FormatFinding[] = [];
  private readonly blocks = new Map<SectionTarget, string[]>();
  private readonly results: TableResult[] = [];
  private readonly datasets: Partial<Record<'training_data' | 'evaluation_data', Record<string, unknown>[]>> = {};
  private risks: Record<string, string>[] | undefined;
  private definitions: Record<string, string>[] | undefined;
  private evaluationFactors: Record<string, unknown>[] | undefined;
  private readonly bulletFields: Record<string, unknown> = {};
  private readonly environment: Record<string, unknown> = {};

  constructor(
    private readonly lines: string[],
    private readonly place: BodyPlace,
  ) {}

  /** Adds the section's own text (and tables) to `target`; `withHeading` keeps its heading line in the text. */
  readSection(section: MarkdownSection, target: SectionTarget, withHeading: boolean): void {
    const usedTables = section.tables.filter((table) => this.readTable(table, section, target));
    const bulletLines = this.readBulletFields(section.contentLines);
    const skip = [...usedTables.map((table) => table.lines), ...bulletLines.map((line): [number, number] => [line, line + 1])];
    let text = linesText(this.lines, section.contentLines, skip);
    if (isPlaceholderText(text, defaultSettings.placeholders) && !text.includes('\n')) text = '';
    if (target === 'date' && text) {
      const date = isoDate(text.split('\n')[0]) ?? (/^\d{4}(-\d\d){0,2}$/.test(text.trim()) ? text.trim() : undefined);
      if (date) {
        this.bulletFields.date ??= date;
        return;
      }
      target = 'description';
      withHeading = true;
    }
    if (text === '') return;
    const heading = section.level > 0 ? `${'#'.repeat(section.level)} ${section.heading}` : '';
    const block = withHeading && heading ? `${heading}\n\n${text}`.trim() : text;
    if (target === 'description' && section.level > 0 && withHeading) {
      this.losses.push({ where: `section "${section.heading}" (line ${this.lineNumber(section.line)})`, reason: 'no card field; kept in description' });
    }
    this.blocks.set(target, [...(this.blocks.get(target) ?? []), block]);
  }

  /** Reads a results, datasets or risks table; false when it stays in the text. */
  private readTable(table: MarkdownTable, section: MarkdownSection, target: SectionTarget): boolean {
    const where = `table at line ${this.lineNumber(table.lines[0])}`;
    if (target === 'evaluation' && isDefinitionsTable(table)) {
      this.definitions = [...(this.definitions ?? []), ...propertyRows(table)];
      return true;
    }
    if (target === 'evaluation') {
      const reading = readResultsTable(table, tableContext(section.heading));
      if (!reading) {
        this.losses.push({ where, reason: 'no metric can be told from its rows or columns; kept as text' });
        return false;
      }
      this.results.push(...reading.results);
      for (const cell of reading.unread) {
        this.losses.push({ where, reason: cell });
      }
      if (reading.unread.length > 0) this.findings.push({ ...this.tableSpan(table), severity: 'warning', message: `Some cells of the results table at line ${this.lineNumber(table.lines[0])} are not numbers and were not imported: ${reading.unread.join('; ')}.` });
      return reading.results.length > 0;
    }
    if (target === 'training_data' || target === 'evaluation_data') {
      const datasets = datasetRows(table);
      if (datasets) this.datasets[target] = [...(this.datasets[target] ?? []), ...datasets];
      return datasets !== undefined;
    }
    if (target === 'factors' && /^factors?$/i.test(table.header[0] ?? '')) {
      this.evaluationFactors = [...(this.evaluationFactors ?? []), ...propertyRows(table).map(({ values, ...factor }) => ({ ...factor, ...(values ? { values: values.split(/\s*,\s*/) } : {}) }))];
      return true;
    }
    if (target === 'ethical_considerations' && /^risks?$/i.test(table.header[0] ?? '')) {
      this.risks = [...(this.risks ?? []), ...propertyRows(table)];
      return true;
    }
    return false;
  }

  /** The template's `- **Developed by:** value` lines the card has fields for; returns their lines. */
  private readBulletFields([first, end]: [number, number]): number[] {
    const read: number[] = [];
    for (let line = first; line < end; line++) {
      const match = /^\s*[-*+]\s+\*\*(.+?)\*\*\s*:?\s*(.*)$/.exec(this.lines[line]);
      if (!match) continue;
      const key = match[1].replace(/:$/, '').replace(/\[optional\]/i, '').trim().toLowerCase();
      const value = match[2].trim();
      const placeholder = value === '' || isPlaceholderText(value, defaultSettings.placeholders);
      if (this.bulletField(key, value, placeholder)) read.push(line);
    }
    return read;
  }

  /** Stores one `**Key:** value`; false when the key is not one the card has a field for. */
  private bulletField(key: string, value: string, placeholder: boolean): boolean {
    const set = (target: Record<string, unknown>, field: string, fieldValue: unknown) => {
      if (!placeholder && fieldValue !== undefined && target[field] === undefined) target[field] = fieldValue;
      return true;
    };
    if (key === 'developed by') return set(this.bulletFields, 'owners', value.split(/\s*(?:,|;| and )\s*/).filter(Boolean));
    if (key === 'model type') return set(this.bulletFields, 'type', value);
    if (key === 'version') return set(this.bulletFields, 'version', value);
    if (key === 'date' || key === 'release date') return set(this.bulletFields, 'date', /^\d{4}(-\d\d){0,2}$/.test(value) ? value : isoDate(value));
    if (/^language/.test(key)) return set(this.bulletFields, 'language', languagesOf(value));
    if (key === 'license') return set(this.bulletFields, 'license', cardLicenseOf(value));
    if (/^finetuned from/.test(key) || key === 'base model') return set(this.bulletFields, 'base_model', value.replace(/^\[(.*)\]\(.*\)$/, '$1'));
    if (['repository', 'paper', 'demo'].includes(key)) return set(this.bulletFields, `reference:${key}`, urlOf(value));
    if (key === 'hardware type') return set(this.environment, 'hardware', value);
    if (key === 'hours used') return set(this.environment, 'hours', numberOf(value));
    if (key === 'cloud provider') return set(this.environment, 'cloud_provider', value);
    if (key === 'compute region') return set(this.environment, 'region', value);
    if (key === 'carbon emitted') return set(this.environment, 'co2_eq_kg', kilogramsOf(value));
    return false;
  }

  private tableSpan(table: MarkdownTable): { start: number; end: number } {
    return { start: this.place.offsetOfLine(this.place.firstLine + table.lines[0]), end: this.place.offsetOfLine(this.place.firstLine + table.lines[1]) };
  }

  private lineNumber(line: number): number {
    return this.place.firstLine + line + 1;
  }

  /** The card's fields from everything read. */
  fields(): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    const text = (target: SectionTarget) => this.blocks.get(target)?.join('\n\n');
    const { owners, type, language, license, base_model, date, version } = this.bulletFields;
    const description = text('description');
    Object.assign(fields, defined({ description, version, date, type: text('type') ?? type, owners, license, language, base_model, architecture: text('architecture'), contact: text('contact') }));
    if (this.definitions) fields.metric_definitions = this.definitions;
    const references = [...Object.entries(this.bulletFields).filter(([key]) => key.startsWith('reference:')).map(([, url]) => url), ...urlsIn(text('references') ?? '')];
    if (references.length > 0) fields.references = [...new Set(references)];
    const citation = text('citation');
    if (citation) fields.citation = codeBlockOf(citation);
    const intendedUse = Object.fromEntries(Object.entries(intendedUseKeys).flatMap(([target, key]) => (this.blocks.has(target as SectionTarget) ? [[key, textOrList(this.blocks.get(target as SectionTarget)!)]] : [])));
    if (Object.keys(intendedUse).length > 0) fields.intended_use = intendedUse;
    const factors = text('factors');
    const relevant = factors ? (listItems(factors) ?? [factors]) : undefined;
    if (relevant || this.evaluationFactors) fields.factors = { ...(relevant ? { relevant } : {}), ...(this.evaluationFactors ? { evaluation: this.evaluationFactors } : {}) };
    if (this.results.length > 0) fields.metrics = this.results;
    for (const key of ['evaluation_data', 'training_data'] as const) {
      const value = this.datasets[key] ?? text(key);
      if (value !== undefined) fields[key] = value;
    }
    const quantitative = defined({
      summary: text('evaluation'),
      unitary_results: text('unitary_results'),
      intersectional_results: text('intersectional_results'),
      decision_thresholds: text('decision_thresholds'),
      variation_approaches: text('variation_approaches'),
    });
    if (Object.keys(quantitative).length > 0) fields.quantitative_analyses = quantitative;
    if (this.risks) fields.ethical_considerations = this.risks;
    else if (text('ethical_considerations')) fields.ethical_considerations = text('ethical_considerations');
    for (const target of ['caveats_and_recommendations', 'limitations', 'tradeoffs'] as const) {
      if (this.blocks.has(target)) fields[target] = textOrList(this.blocks.get(target)!);
    }
    if (Object.keys(this.environment).length > 0) fields.environment = this.environment;
    const procedure = text('training');
    if (procedure) fields.training = { procedure };
    return fields;
  }
}

/** A slice or variant named by a results heading: "Slice: accent=indian", "Model: large — Slice: …", "Overall". */
export function tableContext(heading: string): TableContext {
  const model = /(?:^|\u2014|;)\s*model:\s*([^\u2014;]+)/i.exec(heading)?.[1].trim();
  const sliceText = /slice:\s*(.+)$/i.exec(heading)?.[1].trim();
  if (!sliceText) return model ? { model } : {};
  const parts = sliceText.split(/\s*,\s*/).map((part) => /^(.+?)\s*=\s*(.+)$/.exec(part));
  const slice = parts.every((part) => part !== null) ? Object.fromEntries(parts.map((part) => [part![1], part![2]])) : sliceText;
  return { ...(model ? { model } : {}), slice };
}

/** A table of metric definitions: `Metric | Description | Rationale`. */
function isDefinitionsTable(table: MarkdownTable): boolean {
  const keys = table.header.map((cell) => cell.trim().toLowerCase());
  return keys[0] === 'metric' && keys.length > 1 && keys.slice(1).every((key) => ['description', 'rationale'].includes(key));
}

/** Rows as mappings: the first column is the name, the others are keys named by the header (empty cells left out). */
function propertyRows(table: MarkdownTable): Record<string, string>[] {
  const keys = table.header.map((cell) => cell.trim().toLowerCase().replace(/\s+/g, '_'));
  return table.rows.filter((row) => row[0]).map((row) => Object.fromEntries([['name', row[0]], ...keys.slice(1).flatMap((key, index) => (row[index + 1] ? [[key, row[index + 1]]] : []))]));
}

/** Dataset rows of a table whose first column is the dataset's name and the others its properties. */
function datasetRows(table: MarkdownTable): Record<string, unknown>[] | undefined {
  const keys = table.header.map((cell) => cell.toLowerCase().replace(/\s+/g, '_'));
  if (!/^(dataset|name)$/.test(keys[0] ?? '') || !keys.slice(1).every((key) => ['hub_id', 'link', 'config', 'split', 'revision', 'description', 'size', 'motivation', 'preprocessing'].includes(key))) return undefined;
  return table.rows.filter((row) => row[0]).map((row) => Object.fromEntries([['name', row[0]], ...keys.slice(1).flatMap((key, index) => (row[index + 1] ? [[key, key === 'size' && /^\d+$/.test(row[index + 1]) ? Number(row[index + 1]) : row[index + 1]]] : []))]));
}

/** A section's blocks as one text, or as a list when it is one bullet list. */
function textOrList(blocks: string[]): string | string[] {
  const joined = blocks.join('\n\n');
  return (blocks.length === 1 && listItems(joined)) || joined;
}

/** The items of text that is a bullet list and nothing else. */
function listItems(text: string): string[] | undefined {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    const item = /^[-*+]\s+(.*)$/.exec(line);
    if (item) items.push(item[1].trim());
    else if (/^\s+\S/.test(line) && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
    else if (line.trim() !== '') return undefined;
  }
  return items.length > 0 ? items : undefined;
}

/** The first fenced code block's content (a BibTeX entry), or the text. */
function codeBlockOf(text: string): string {
  return /```[^\n]*\n([\s\S]*?)\n```/.exec(text)?.[1] ?? text;
}

function urlsIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s)>\]]+/g)].map((match) => match[0]);
}

function urlOf(value: string): string | undefined {
  return urlsIn(value)[0];
}

function languagesOf(text: string): string | string[] | undefined {
  const codes = text.split(/\s*(?:,|;|\band\b)\s*/).map(languageCodeOf).filter((code): code is string => code !== undefined);
  return codes.length === 0 ? undefined : codes.length === 1 ? codes[0] : codes;
}

function numberOf(text: string): number | undefined {
  const match = /[\d.]+/.exec(text.replace(/,/g, ''));
  return match && Number.isFinite(Number(match[0])) ? Number(match[0]) : undefined;
}

/** "12.5 kg", "300 g CO2eq", "1.2 tCO2eq" → kilograms. */
function kilogramsOf(text: string): number | undefined {
  const amount = numberOf(text);
  if (amount === undefined) return undefined;
  const unit = /\d\s*(kg|g|t|tonnes?|tons?)\b/i.exec(text)?.[1].toLowerCase() ?? 'kg';
  return unit === 'g' ? amount / 1000 : unit.startsWith('t') ? amount * 1000 : amount;
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
}
