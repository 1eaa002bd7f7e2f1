import type { ModelCardSettings } from '../../protocol';
import { metricResults } from '../card/cardData';
import { sectionSignOffs, signOffs, type SectionSignOffs } from '../card/signOffs';
import { hasContent, isRecord, valueAt } from '../card/values';
import type { ParsedCard } from '../parsing/parsedCard';
import { listText } from '../text/listText';
import { annexIV, type AnnexIVPoint } from './annexIV';
import type { Block } from './documentBlocks';
import { humanize } from './html';
import { metricColumnsFor, topLevelKeyLines, untitled } from './renderCard';

/** Fields shown in a table of their own at the end of the document: a point that lists them refers to it. */
const ownTables: Record<string, string> = { 'governance.sign_offs': 'Sign-offs', 'governance.changelog': 'Changelog' };

/**
 * The regulatory document (auditors): the card structured by the points of the EU AI Act's Annex
 * IV. Each point lists the card fields that answer it with their content, and a completeness
 * table marks which are missing; points no card field answers are said to belong to the rest of
 * the technical documentation. Then the sign-offs (valid, stale, missing), the reviews and the changelog.
 */
export function regulatoryDocument(card: ParsedCard, settings: ModelCardSettings): Block[] {
  const value = isRecord(card.value) ? card.value : {};
  const written = (field: string) => hasContent(valueAt(value, field.split('.')), settings.placeholders);
  const points = annexIV.flatMap((point) => [point, ...(point.subpoints ?? [])]);
  const fieldCount = points.reduce((sum, point) => sum + point.fields.length, 0);
  const writtenCount = points.reduce((sum, point) => sum + point.fields.filter(written).length, 0);
  const shownAt = new Map<string, string>();
  const keyLines = topLevelKeyLines(card);
  return [
    { kind: 'heading', level: 1, text: `${typeof value.name === 'string' ? value.name : untitled(card)}: technical documentation (EU AI Act, Annex IV)`, line: 0 },
    { kind: 'text', text: statusLine(value) },
    {
      kind: 'text',
      className: 'audience-note',
      text: 'Structured by the points of Annex IV of Regulation (EU) 2024/1689. Each point lists the fields of the model card that answer it, with their content, and a table of what is written and what is missing. Points that no field of a model card answers belong to the rest of the technical documentation.',
    },
    { kind: 'heading', level: 2, text: 'Completeness', id: 'annex-iv-completeness' },
    { kind: 'text', text: `${writtenCount} of the ${fieldCount} card fields Annex IV draws on are written.` },
    {
      kind: 'table',
      head: ['Point', 'Written', 'Missing'],
      rows: annexIV.map((point) => {
        const fields = [point, ...(point.subpoints ?? [])].flatMap((entry) => entry.fields);
        const missing = [...new Set(fields.filter((field) => !written(field)))];
        return [point.number, fields.length === 0 ? 'outside the card' : `${fields.filter(written).length} of ${fields.length}`, missing.map(fieldLabel).join(', ') || '—'];
      }),
      className: 'completeness-table',
    },
    ...annexIV.flatMap((point) => pointBlocks(card, value, point, 2, written, shownAt, keyLines)),
    ...signOffBlocks(card, settings),
    ...listTable('Reviews', value, 'reviews', ['Reviewer', 'Role', 'Decision', 'Date'], (review) => [review.reviewer, review.role, review.decision, review.date]),
    ...listTable('Changelog', value, 'changelog', ['Version', 'Date', 'Changes'], (change) => [change.version, change.date, [change.changes].flat().join(' ')]),
  ];
}

function statusLine(value: Record<string, unknown>): string {
  const governance = isRecord(value.governance) ? value.governance : {};
  const parts = [
    value.version !== undefined ? `Version ${String(value.version)}` : undefined,
    `status: ${typeof governance.status === 'string' ? humanize(governance.status).toLowerCase() : 'draft'}`,
    `risk rating: ${typeof governance.risk_rating === 'string' ? governance.risk_rating : 'not assessed'}`,
    Array.isArray(governance.regulations) && governance.regulations.length > 0 ? `documented against ${listText(governance.regulations.map(String), 'and')}` : undefined,
  ];
  const text = parts.filter((part) => part !== undefined).join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function pointBlocks(
  card: ParsedCard,
  value: Record<string, unknown>,
  point: AnnexIVPoint,
  level: 2 | 3,
  written: (field: string) => boolean,
  shownAt: Map<string, string>,
  keyLines: Map<string, number>,
): Block[] {
  const heading: Block = { kind: 'heading', level, text: `${point.number}${level === 2 ? '.' : ''} ${point.title}`, id: `annex-iv-${point.number.replace(/[()]/g, '')}` };
  if (point.subpoints) {
    const fields = point.subpoints.flatMap((subpoint) => subpoint.fields.map((field) => [subpoint.number, field] as const));
    return [heading, ...point.subpoints.flatMap((subpoint) => pointBlocks(card, value, subpoint, 3, written, shownAt, keyLines)), completenessTable(fields, written)];
  }
  if (point.fields.length === 0) {
    return [heading, { kind: 'text', className: 'field-outside', text: 'No field of a model card answers this point: it belongs to the rest of the technical documentation.' }];
  }
  const fieldBlocks = point.fields.flatMap((field): Block[] => {
    const label = `${fieldLabel(field)} (${field})`;
    const line = keyLines.get(field.split('.')[0]);
    if (!written(field)) return [{ kind: 'text', className: 'field-missing', strong: `${label}:`, text: 'missing, not written in the card.' }];
    const table = ownTables[field];
    const earlier = shownAt.get(field);
    if (table || earlier) return [{ kind: 'text', strong: `${label}:`, text: table ? `see ${table} below.` : `see point ${earlier}.` }];
    shownAt.set(field, point.number);
    return [{ kind: 'heading', level: level === 2 ? 3 : 4, text: label, ...(line !== undefined ? { line } : {}) }, ...fieldContent(card, value, field)];
  });
  return level === 2 ? [heading, ...fieldBlocks, completenessTable(point.fields.map((field) => [point.number, field] as const), written)] : [heading, ...fieldBlocks];
}

function fieldContent(card: ParsedCard, value: Record<string, unknown>, field: string): Block[] {
  if (field !== 'metrics') return [{ kind: 'value', value: valueAt(value, field.split('.')) }];
  const results = metricResults(card);
  if (results.length === 0) return [{ kind: 'value', value: value.metrics }];
  const columns = metricColumnsFor(results);
  return [{ kind: 'table', head: columns.map((column) => column.heading), rows: results.map((result) => columns.map((column) => column.cell(result))), className: 'metrics' }];
}

function completenessTable(fields: readonly (readonly [string, string])[], written: (field: string) => boolean): Block {
  return {
    kind: 'table',
    head: ['Point', 'Card field', 'Status'],
    rows: fields.map(([point, field]) => [point, `${fieldLabel(field)} (${field})`, written(field) ? 'written' : 'MISSING']),
    rowClasses: fields.map(([, field]) => (written(field) ? undefined : 'field-missing')),
    className: 'completeness-table',
  };
}

/** `intended_use.out_of_scope` → "Intended use › Out of scope". */
function fieldLabel(field: string): string {
  return field.split('.').map(humanize).join(' › ');
}

function signOffBlocks(card: ParsedCard, settings: ModelCardSettings): Block[] {
  const sections = [...sectionSignOffs(card, settings.policy).values()];
  const heading: Block = { kind: 'heading', level: 2, text: 'Sign-offs', id: 'sign-offs' };
  if (sections.length === 0) return [heading, { kind: 'text', text: signOffs(card).length === 0 ? 'No section of the card is signed off.' : 'No sign-off is recorded.' }];
  return [heading, { kind: 'table', head: ['Section', 'Role', 'Name', 'Date', 'Status'], rows: sections.flatMap(signOffRows) }];
}

function signOffRows({ section, signOffs: signed, unmet }: SectionSignOffs): string[][] {
  return [
    ...signed.map(({ signOff, state }) => [section, signOff.role ?? '', signOff.name ?? '', signOff.date ?? '', state === 'valid' ? 'valid' : 'STALE: the section changed after it was signed']),
    ...unmet.map((requirement) => [section, listText(requirement.roles), '', '', `MISSING: required before ${requirement.before} (policy rule ${requirement.id})`]),
  ];
}

function listTable(title: string, value: Record<string, unknown>, key: string, head: string[], row: (entry: Record<string, unknown>) => unknown[]): Block[] {
  const governance = isRecord(value.governance) ? value.governance : {};
  const entries = Array.isArray(governance[key]) ? governance[key].filter(isRecord) : [];
  const heading: Block = { kind: 'heading', level: 2, text: title, id: key };
  if (entries.length === 0) return [heading, { kind: 'text', className: 'field-missing', text: `No ${title.toLowerCase()} recorded (governance.${key}).` }];
  return [heading, { kind: 'table', head, rows: entries.map((entry) => row(entry).map((cell) => (cell === undefined || cell === null ? '' : String(cell)))) }];
}
