import { metricResults, type MetricResult } from '../../card/cardData';
import { isRecord } from '../../card/values';
import type { ParsedCard } from '../../parsing/parsedCard';
import { findingAt, writtenValue } from '../ruleHelpers';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

const comparisons: Record<string, { test: (value: number, threshold: number) => boolean; words: string }> = {
  '>=': { test: (value, threshold) => value >= threshold, words: 'at least' },
  '>': { test: (value, threshold) => value > threshold, words: 'above' },
  '<=': { test: (value, threshold) => value <= threshold, words: 'at most' },
  '<': { test: (value, threshold) => value < threshold, words: 'below' },
  '==': { test: (value, threshold) => value === threshold, words: 'equal to' },
};

export const acceptanceMismatch: Rule = {
  code: RuleCode.AcceptanceMismatch,
  name: 'acceptance-mismatch',
  defaultSeverity: 'error',
  summary: "A fairness test's `passed` that its value contradicts",
  rationale:
    'A fairness or performance test states its criterion (threshold and operator) and whether it passed; a `passed` that the value contradicts misleads reviewers about the test.',
  check: ({ card }) => metricResults(card).flatMap((result) => mismatch(card, result)),
};

function mismatch(card: ParsedCard, result: MetricResult): Finding[] {
  const acceptance = result.acceptance;
  if (!isRecord(acceptance) || typeof acceptance.passed !== 'boolean' || typeof acceptance.threshold !== 'number' || typeof result.value !== 'number') return [];
  const operator = acceptance.operator ?? '>=';
  const comparison = typeof operator === 'string' ? comparisons[operator] : undefined;
  if (!comparison) return [];
  const passes = comparison.test(result.value, acceptance.threshold);
  if (passes === acceptance.passed) return [];
  const acceptancePath = [...result.path, 'acceptance'];
  const value = writtenValue(card, [...result.path, 'value'], result.value);
  const threshold = writtenValue(card, [...acceptancePath, 'threshold'], acceptance.threshold);
  const verdict = passes ? 'meets' : 'does not meet';
  return findingAt(
    card,
    [...acceptancePath, 'passed'],
    `\`passed: ${String(acceptance.passed)}\`, but \`${result.name}\` is ${value}, which ${verdict} the criterion (${comparison.words} ${threshold}): set \`passed: ${String(passes)}\`, or check the numbers.`,
    { kind: 'replace', title: `Set \`passed: ${String(passes)}\``, newText: String(passes) },
  );
}
