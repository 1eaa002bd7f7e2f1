import { closestMatch } from '../../text/closestMatch';
import { isPlaceholderText } from '../../text/placeholders';
import { yamlScalar } from '../../text/yamlText';
import { declaredFactors, metricResults } from '../../card/cardData';
import { findingAt, findingOnKey } from '../ruleHelpers';
import { isRecord } from '../../card/values';
import { RuleCode, type Finding, type FixData, type Rule } from '../ruleTypes';

/** Slices that cover everyone and name no factor. */
const wholePopulation = /^(overall|all|aggregate|total)$/i;

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
  summary: "A result's `slice` on a factor or value that `factors` does not declare",
  rationale:
    'Disaggregated results (Mitchell et al. §4.7) are read against the factors the card declares (§4.3); a slice on an undeclared factor or value is a typo or an undocumented cohort.',
  check: ({ card, settings }) => {
    const factors = declaredFactors(card);
    return metricResults(card).flatMap((result): Finding[] => {
      if (isPlaceholderText(result.slice, settings.placeholders)) return [];
      const slicePath = [...result.path, 'slice'];
      if (isRecord(result.slice)) {
        return Object.entries(result.slice).flatMap(([factor, value]) => {
          const problem = sliceProblem(factors, factor, String(value));
          if (!problem) return [];
          const fix: FixData | undefined = problem.suggestion
            ? { kind: 'replace', title: `Change to \`${problem.suggestion}\``, newText: yamlScalar(problem.suggestion) }
            : undefined;
          const report = problem.on === 'factor' ? findingOnKey : findingAt;
          return report(card, [...slicePath, factor], problem.message, fix);
        });
      }
      if (typeof result.slice !== 'string' || wholePopulation.test(result.slice.trim())) return [];
      const problems = parseSliceText(result.slice).flatMap(([factor, value]) => {
        const problem = factor === undefined ? valueProblem(factors, value) : sliceProblem(factors, factor, value)?.message;
        return problem ? [problem] : [];
      });
      return problems.length > 0 ? findingAt(card, slicePath, problems.join(' ')) : [];
    });
  },
};

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

function sliceProblem(factors: Map<string, Set<string> | undefined>, factor: string, value: string): SliceProblem | undefined {
  if (!factors.has(factor)) {
    const suggestion = closestMatch(factor, factors.keys());
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : ' Add it to `factors.evaluation`.';
    return { message: `Slice factor \`${factor}\` is not declared under \`factors\`.${hint}`, on: 'factor', suggestion };
  }
  const values = factors.get(factor);
  if (!values || values.has(value)) return undefined;
  const suggestion = closestMatch(value, values);
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
  return { message: `\`${value}\` is not a declared value of factor \`${factor}\` (${[...values].join(', ')}).${hint}`, on: 'value', suggestion };
}

function valueProblem(factors: Map<string, Set<string> | undefined>, value: string): string | undefined {
  if (factors.has(value)) return undefined;
  const known = [...factors.values()].some((values) => values?.has(value));
  return known ? undefined : `Slice \`${value}\` names no factor declared under \`factors\`: write it as \`factor: value\` and declare the factor.`;
}
