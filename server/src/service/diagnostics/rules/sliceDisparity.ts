import { isSeq, type Node } from 'yaml';
import { declaredFactors } from '../../card/cardData';
import { disparities, sliceValues, type Disparity, type DisparityReason } from '../../card/disparity';
import { isRecord } from '../../card/values';
import { cardLayout } from '../../edits/cardLayout';
import { isNullScalar } from '../../edits/lineEdits';
import { sequenceIndent } from '../../edits/keyEdits';
import { appendListItem } from '../../edits/listEdits';
import type { ParsedCard } from '../../parsing/parsedCard';
import { findPair } from '../../parsing/yamlNodes';
import { defaultDisparityBounds, type DisparityBounds } from '../../policy/policy';
import { listText } from '../../text/listText';
import { yamlScalar } from '../../text/yamlText';
import { groupWords } from '../../vocabulary/groupWords';
import type { ModelCardSettings } from '../../../protocol';
import { findingAt, writtenValue } from '../ruleHelpers';
import { RuleCode, type Finding, type FindingFix, type Rule } from '../ruleTypes';

/** The sections where a card discusses where its model falls short. */
const discussionSections = ['limitations', 'ethical_considerations', 'caveats_and_recommendations'] as const;

export const sliceDisparity: Rule = {
  code: RuleCode.SliceDisparity,
  name: 'slice-disparity',
  defaultSeverity: 'warning',
  summary: 'Results that differ widely between slices (four-fifths ratio, gap, or intervals apart) on factors the card does not discuss',
  rationale:
    "Disaggregated results exist to show who the model serves worse (Mitchell et al. §4.7). When a metric differs widely between slices (a worst-to-best ratio under the four-fifths rule for a rate where higher is better, a gap over the bound, or confidence intervals that do not overlap), the card's limitations, ethical considerations or caveats must say so; bounds are set under `disparity` in `.modelcardrc.yaml` or the policy.",
  check: ({ card, settings }) => {
    const found = disparities(card, disparityBounds(settings));
    if (found.length === 0) return [];
    const passages = discussionPassages(card.value);
    // Each term is looked for once in all passages, however many disparities name it.
    const passagesByTerm = new Map<string, number[]>();
    const passagesNaming = (term: string) => {
      let indexes = passagesByTerm.get(term);
      if (!indexes) {
        const pattern = wordPattern(term);
        indexes = passages.flatMap((passage, index) => (pattern.test(passage) ? [index] : []));
        passagesByTerm.set(term, indexes);
      }
      return indexes;
    };
    return found.filter((disparity) => !isDiscussed(card, disparity, passagesNaming)).flatMap((disparity) => finding(card, disparity, settings));
  },
};

/** The bounds in force: the defaults, under the policy's, under the project config's. */
export function disparityBounds(settings: ModelCardSettings): DisparityBounds {
  return { ...defaultDisparityBounds, ...settings.policy?.disparity, ...settings.disparity };
}

/** What the card says in its discussion sections, one passage per list item, risk, or sentence, in lowercase. */
function discussionPassages(value: unknown): string[] {
  const data = isRecord(value) ? value : {};
  return discussionSections.flatMap((section) => passages(data[section]));
}

function passages(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/(?<=[.!?;])\s+|\n\s*\n|\n\s*[-*]\s+/).map(normalized);
  if (Array.isArray(value)) return value.flatMap((item) => (isRecord(item) ? [normalized(Object.values(item).filter((text) => typeof text === 'string').join(' '))] : passages(item)));
  return [];
}

function normalized(text: string): string {
  return text.toLowerCase().replace(/[_-]+/g, ' ');
}

/**
 * Whether one passage names, for every factor of the disparity, the factor itself or a value of
 * one of the two slices compared (for a test across factors, any value the card declares).
 */
function isDiscussed(card: ParsedCard, disparity: Disparity, passagesNaming: (term: string) => readonly number[]): boolean {
  const declared = declaredFactors(card);
  const termsOf = (factor: string): string[] => {
    const values =
      disparity.kind === 'slices'
        ? [sliceValues(disparity.worst.slice)?.get(factor), sliceValues(disparity.best.slice)?.get(factor)]
        : [...(declared.get(factor) ?? [])];
    return [factor, ...values.filter((value): value is string => value !== undefined).flatMap((value) => [value, ...(groupWords[value.toLowerCase()] ?? [])])];
  };
  const [first, ...others] = disparity.factors.map((factor) => new Set(termsOf(factor).flatMap(passagesNaming)));
  return [...(first ?? [])].some((passage) => others.every((naming) => naming.has(passage)));
}

/** A term as a whole word in normalized text, with the endings of plurals and comparatives (old: older, oldest). */
function wordPattern(term: string): RegExp {
  const escaped = normalized(term).trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(s|es|er|ers|est)?($|[^\\p{L}\\p{N}])`, 'u');
}

function finding(card: ParsedCard, disparity: Disparity, settings: ModelCardSettings): Finding[] {
  const factors = listText(disparity.factors.map((factor) => `\`${factor}\``), 'and');
  const why = disparity.reasons.map(reasonText).join('; ');
  const sections = 'limitations, ethical considerations or caveats';
  if (disparity.kind === 'across') {
    const value = writtenValue(card, [...disparity.result.path, 'value'], disparity.result.value);
    const message = `\`${disparity.metric}\` across ${factors} is ${value} (${why}), and the card's ${sections} do not discuss ${factors}: say who is served worse, and what users should do about it.`;
    return findingAt(card, [...disparity.result.path, 'across'], message, caveatFix(card, disparity, settings));
  }
  const { worst, best } = disparity;
  const worstValue = writtenValue(card, [...worst.path, 'value'], worst.value);
  const bestValue = writtenValue(card, [...best.path, 'value'], best.value);
  const message = `\`${disparity.metric}\` is ${worstValue} for ${sliceText(worst.slice)} and ${bestValue} for ${sliceText(best.slice)} (${why}), and the card's ${sections} do not discuss ${factors}: say who is served worse, and what users should do about it.`;
  return findingAt(card, [...worst.path, 'slice'], message, caveatFix(card, disparity, settings));
}

function reasonText(reason: DisparityReason): string {
  switch (reason.kind) {
    case 'ratio':
      return `a ratio of ${round(reason.ratio)}, under ${reason.bound}${reason.bound === 0.8 ? ' (the four-fifths rule)' : ''}`;
    case 'gap':
      return `a gap of ${round(reason.gap)}, over ${reason.bound}`;
    case 'intervals':
      return 'their confidence intervals do not overlap';
    case 'failedTest':
      return 'the test failed its criterion';
  }
}

function round(value: number): number {
  return Number(value.toPrecision(2));
}

/** `age: old, gender: male`. */
function sliceText(slice: unknown): string {
  return [...(sliceValues(slice) ?? [])].map(([factor, value]) => `${factor}: ${value}`).join(', ');
}

/**
 * Appends a caveat that names the factors, with a placeholder to fill, to `caveats_and_recommendations`
 * (or `limitations`) when it is a list or absent; text sections are the author's to edit.
 */
function caveatFix(card: ParsedCard, disparity: Disparity, settings: ModelCardSettings): FindingFix | undefined {
  const placeholder = settings.placeholders[0] ?? 'TODO';
  const caveat = yamlScalar(`Performance differs across ${listText(disparity.factors, 'and')} (${disparity.metric}): ${placeholder} say who is served worse, why, and what users should do.`);
  const title = `Add a caveat about ${listText(disparity.factors, 'and')}`;
  const layout = cardLayout(card);
  for (const section of ['caveats_and_recommendations', 'limitations'] as const) {
    const pair = card.root && findPair(card.root, section);
    if (!pair) return { kind: 'insertKey', path: [section], valueText: `\n${' '.repeat(sequenceIndent(layout))}- ${caveat}`, title };
    const value = pair.value as Node | null;
    if (!isSeq(value) && !isNullScalar(value)) continue;
    const edit = appendListItem(card, pair, { lines: [`- ${caveat}`], flow: caveat }, layout);
    if (edit) return { kind: 'edits', title, edits: [edit] };
  }
  return undefined;
}
