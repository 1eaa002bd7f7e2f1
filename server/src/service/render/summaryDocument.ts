import type { ModelCardSettings } from '../../protocol';
import { metricDefinitions, metricResults, type MetricDefinition, type MetricResult } from '../card/cardData';
import { higherIsBetter, sliceValues } from '../card/disparity';
import { expectedRange, resultUnit } from '../card/metricScale';
import { sectionSignOffs } from '../card/signOffs';
import { hasContent, isRecord } from '../card/values';
import type { ParsedCard } from '../parsing/parsedCard';
import { metricNames } from '../vocabulary/metricNames';
import { pipelineTags } from '../vocabulary/vocabularies';
import type { Block } from './documentBlocks';
import { humanize } from './html';
import { untitled } from './renderCard';

/** Items a list of the summary shows at most, so that it fits on one page. */
const maxItems = 5;

/**
 * The summary (users, clinicians): one page in plain language. What the model does and for whom,
 * what not to use it for, how well it works (each headline metric, with its worst slice), where it
 * fails, and who approved it and when. No keys of the card: metrics and fields by their names in words.
 */
export function summaryDocument(card: ParsedCard, settings: ModelCardSettings): Block[] {
  const value = isRecord(card.value) ? card.value : {};
  const text = (entry: unknown) => texts(entry, settings.placeholders);
  const intendedUse = isRecord(value.intended_use) ? value.intended_use : {};
  const limits = [...text(value.limitations), ...text(value.caveats_and_recommendations)];
  const risks = Array.isArray(value.ethical_considerations)
    ? value.ethical_considerations.flatMap((risk) => (isRecord(risk) ? text(risk.name) : text(risk)))
    : text(value.ethical_considerations);
  const { document, short, subject } = card.kind.words;
  return [
    { kind: 'heading', level: 1, text: typeof value.name === 'string' ? value.name : untitled(card), line: 0 },
    { kind: 'text', className: 'audience-note', text: `A one-page summary of the ${document}, for the people who use the ${subject}.` },
    { kind: 'heading', level: 2, text: 'What it does' },
    ...paragraphs([...text(value.summary), ...taskSentence(value.task)], `The ${short} does not say yet what the ${subject} does.`),
    { kind: 'heading', level: 2, text: 'Who it is for' },
    ...labelled('Meant for:', text(intendedUse.primary_users)),
    ...labelled('Use it to:', text(intendedUse.primary_uses)),
    ...labelled('Do not use it for:', text(intendedUse.out_of_scope)),
    ...(text(intendedUse.primary_users).length + text(intendedUse.primary_uses).length === 0 ? [{ kind: 'text', text: `The ${short} does not say yet who the ${subject} is for.` } as Block] : []),
    { kind: 'heading', level: 2, text: 'How well it works' },
    ...performance(card),
    { kind: 'heading', level: 2, text: 'Where it fails' },
    ...(limits.length > 0 ? [list(limits)] : [{ kind: 'text', text: `The ${short} lists no limitations yet.` } as Block]),
    ...(risks.length > 0 ? [{ kind: 'text', strong: 'Risks to keep in mind:', text: '' } as Block, list(risks)] : []),
    { kind: 'heading', level: 2, text: 'Who approved it' },
    ...approval(card, settings),
    ...(typeof value.contact === 'string' && value.contact.trim() !== '' ? [{ kind: 'text', strong: 'Questions:', text: value.contact } as Block] : []),
  ];
}

/** The plain texts of a field: a text, or the texts of a list; placeholders and blanks left out. */
function texts(value: unknown, placeholders: readonly string[]): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item): item is string => typeof item === 'string' && hasContent(item, placeholders)).map((item) => item.trim());
}

function paragraphs(items: string[], otherwise: string): Block[] {
  return items.length > 0 ? items.map((item): Block => ({ kind: 'text', text: item })) : [{ kind: 'text', text: otherwise }];
}

function labelled(label: string, items: string[]): Block[] {
  if (items.length === 0) return [];
  if (items.length === 1) return [{ kind: 'text', strong: label, text: items[0] }];
  return [{ kind: 'text', strong: label, text: '' }, list(items)];
}

function list(items: string[]): Block {
  const shown = items.slice(0, maxItems);
  return { kind: 'list', items: items.length > maxItems ? [...shown, `and ${items.length - maxItems} more in the full card.`] : shown };
}

function taskSentence(task: unknown): string[] {
  const term = typeof task === 'string' ? pipelineTags.find((tag) => tag.id === task) : undefined;
  return term ? [`Task: ${term.name.toLowerCase()}.`] : [];
}

/**
 * One line per metric that has a result for everyone (or no slice): its value on the data it was
 * measured on and, when the metric is also reported by slice, the slice it is worst for.
 */
function performance(card: ParsedCard): Block[] {
  const definitions = metricDefinitions(card);
  const results = metricResults(card).filter((result) => typeof result.value === 'number' && Number.isFinite(result.value) && result.across === undefined);
  const names = [...new Set(results.map((result) => result.name))];
  const lines = names.flatMap((name) => {
    const ofMetric = results.filter((result) => result.name === name);
    const headline = ofMetric.find((result) => sliceValues(result.slice) === undefined);
    if (!headline) return [];
    const definition = definitions.get(name);
    const sliced = ofMetric.filter((result) => sliceValues(result.slice) !== undefined);
    const worst = sliced.sort((a, b) => (higherIsBetter(name, definition) ? (a.value as number) - (b.value as number) : (b.value as number) - (a.value as number)))[0];
    const measured = typeof headline.dataset === 'string' ? ` (measured on ${headline.dataset})` : '';
    const worstText = worst ? `; worst for ${groupText(worst.slice)}: ${formatted(worst, definition)}` : '';
    return [`${metricLabel(name)}: ${formatted(headline, definition)}${measured}${worstText}.`];
  });
  if (lines.length === 0) return [{ kind: 'text', text: `The ${card.kind.words.short} reports no overall results yet.` }];
  return [list(lines)];
}

/** "False negative rate (share of positives predicted negative)". */
function metricLabel(name: string): string {
  const known = metricNames.find((term) => term.id === name.toLowerCase());
  return known ? `${humanize(name)} (${known.name.charAt(0).toLowerCase()}${known.name.slice(1)})` : humanize(name);
}

/** A rate as a percentage (0.07 → 7%), anything else with its unit. */
function formatted(result: MetricResult, definition: MetricDefinition | undefined): string {
  const value = result.value as number;
  const unit = resultUnit(result, definition);
  const range = expectedRange(result, definition)?.range;
  if (unit === 'percent') return `${round(value)}%`;
  if (range && range[0] === 0 && range[1] === 1) return `${round(value * 100)}%`;
  return unit && unit !== 'fraction' ? `${round(value)} ${unit}` : String(round(value));
}

function round(value: number): number {
  return Number(value.toPrecision(3));
}

/** `{age: old, gender: male}` → "old, male (age, gender)". */
function groupText(slice: unknown): string {
  const values = sliceValues(slice);
  if (!values) return 'one group';
  return `${[...values.values()].join(', ')} (${[...values.keys()].map(humanize).map((word) => word.toLowerCase()).join(', ')})`;
}

function approval(card: ParsedCard, settings: ModelCardSettings): Block[] {
  const governance = isRecord(card.value) && isRecord(card.value.governance) ? card.value.governance : {};
  const status = typeof governance.status === 'string' ? governance.status : 'draft';
  const reviews = Array.isArray(governance.reviews) ? governance.reviews.filter(isRecord) : [];
  const approvals = reviews.filter((review) => review.decision === 'approved');
  const { short, subject } = card.kind.words;
  const statusText: Record<string, string> = {
    draft: `This ${short} is a draft: it has not been reviewed.`,
    in_review: `This ${short} is being reviewed: it has not been approved yet.`,
    approved: `This ${short} is approved.`,
    published: `This ${short} is approved and published.`,
    archived: `This ${short} is archived: the ${subject} is no longer in use.`,
  };
  const signed = [...sectionSignOffs(card, settings.policy).values()].flatMap(({ section, signOffs }) =>
    signOffs.filter(({ state }) => state === 'valid').map(({ signOff }) => `${humanize(section.split('.').pop()!)} checked by ${signOff.name ?? 'someone'}${signOff.role ? ` (${signOff.role})` : ''}${signOff.date ? ` on ${signOff.date}` : ''}.`),
  );
  return [
    { kind: 'text', text: statusText[status] ?? `Status: ${humanize(status)}.` },
    ...(approvals.length > 0
      ? [list(approvals.map((review) => `Approved by ${String(review.reviewer)}${typeof review.role === 'string' ? ` (${review.role})` : ''}${review.date !== undefined ? ` on ${String(review.date)}` : ''}.`))]
      : []),
    ...(signed.length > 0 ? [list(signed)] : []),
  ];
}
