import { closestMatch } from '../../text/closestMatch';
import { isPlaceholderText } from '../../text/placeholders';
import { yamlScalar } from '../../text/yamlText';
import { declaredFactors, metricResults, type MetricResult } from '../../card/cardData';
import type { ParsedCard } from '../../parsing/parsedCard';
import { findingAt, findingOnKey } from '../ruleHelpers';
import { isRecord } from '../../card/values';
import { RuleCode, type Finding, type FindingFix, type Rule } from '../ruleTypes';

/** Slices that cover everyone and name no factor. */
const wholePopulation = /^(overall|all|aggregate|total)$/i;

type DeclaredFactors = Map<string, Set<string> | undefined>;

/** What is wrong with one `factor: value` of a slice: the factor, or its value; and the likely intended text. */
interface SliceProblem {
  message: string;
  on: 'factor' | 'value';
  suggestion?: string;
}

export const undeclaredSliceFactor: Rule = {
  code: RuleCode.UndeclaredSliceFactor,
  name: 'undeclared-slice-factor',
  defaultSeverity: 'warning',
  summary: "A result's `slice`, or a test's `across`, on a factor or value that `factors` does not declare",
  rationale:
    'Disaggregated results (Mitchell et al. §4.7) are read against the factors the card declares (§4.3); a slice or fairness test on an undeclared factor or value is a typo or an undocumented cohort.',
  check: ({ card, settings }) => {
    const factors = declaredFactors(card);
    return metricResults(card).flatMap((result) => [...sliceFindings(card, result, factors, settings.placeholders), ...acrossFindings(card, result, factors)]);
  },
};

function sliceFindings(card: ParsedCard, result: MetricResult, factors: DeclaredFactors, placeholders: readonly string[]): Finding[] {
  if (isPlaceholderText(result.slice, placeholders)) return [];
  const slicePath = [...result.path, 'slice'];
  if (isRecord(result.slice)) {
    return Object.entries(result.slice).flatMap(([factor, value]) => {
      const problem = sliceProblem(factors, factor, String(value));
      if (!problem) return [];
      const report = problem.on === 'factor' ? findingOnKey : findingAt;
      return report(card, [...slicePath, factor], problem.message, changeTo(problem.suggestion));
    });
  }
  if (typeof result.slice !== 'string' || wholePopulation.test(result.slice.trim())) return [];
  const problems = parseSliceText(result.slice).flatMap(([factor, value]) => {
    const problem = factor === undefined ? valueProblem(factors, value) : sliceProblem(factors, factor, value)?.message;
    return problem ? [problem] : [];
  });
  return problems.length > 0 ? findingAt(card, slicePath, problems.join(' ')) : [];
}

/** The factors named in `across` (a fairness test across groups) must be declared too. */
function acrossFindings(card: ParsedCard, result: MetricResult, factors: DeclaredFactors): Finding[] {
  const named = typeof result.across === 'string' ? [result.across] : Array.isArray(result.across) ? result.across : [];
  return named.flatMap((factor, index): Finding[] => {
    if (typeof factor !== 'string' || factors.has(factor)) return [];
    const problem = undeclaredFactor(factors, factor, 'Factor');
    const path = Array.isArray(result.across) ? [...result.path, 'across', index] : [...result.path, 'across'];
    return findingAt(card, path, problem.message, changeTo(problem.suggestion));
  });
}

function changeTo(suggestion: string | undefined): FindingFix | undefined {
  return suggestion ? { kind: 'replace', title: `Change to \`${suggestion}\``, newText: yamlScalar(suggestion) } : undefined;
}

/** `age=young, gender:female` → [[age, young], [gender, female]]; a bare `female` has no factor. */
function parseSliceText(slice: string): [string | undefined, string][] {
  return slice
    .split(/\s*(?:,|&|\band\b)\s*/)
    .filter((part) => part.length > 0)
    .map((part) => {
      const match = /^([^=:]+?)\s*[=:]\s*(.+)$/.exec(part);
      return match ? [match[1], match[2]] : [undefined, part];
    });
}

function sliceProblem(factors: DeclaredFactors, factor: string, value: string): SliceProblem | undefined {
  if (!factors.has(factor)) return undeclaredFactor(factors, factor, 'Slice factor');
  const values = factors.get(factor);
  if (!values || values.has(value)) return undefined;
  const suggestion = closestMatch(value, values);
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
  return { message: `\`${value}\` is not a declared value of factor \`${factor}\` (${[...values].join(', ')}).${hint}`, on: 'value', suggestion };
}

function undeclaredFactor(factors: DeclaredFactors, factor: string, noun: 'Slice factor' | 'Factor'): SliceProblem {
  const suggestion = closestMatch(factor, factors.keys());
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : ' Add it to `factors.evaluation`.';
  return { message: `${noun} \`${factor}\` is not declared under \`factors\`.${hint}`, on: 'factor', suggestion };
}

function valueProblem(factors: DeclaredFactors, value: string): string | undefined {
  if (factors.has(value)) return undefined;
  const known = [...factors.values()].some((values) => values?.has(value));
  return known ? undefined : `Slice \`${value}\` names no factor declared under \`factors\`: write it as \`factor: value\` and declare the factor.`;
}
