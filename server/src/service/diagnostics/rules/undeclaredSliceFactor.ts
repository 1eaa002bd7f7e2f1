import { closestMatch } from '../../text/closestMatch';
import { isPlaceholderText } from '../../text/placeholders';
import { declaredFactors, metricResults } from '../cardData';
import { findingAt, findingOnKey, isRecord } from '../ruleHelpers';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

/** Slices that cover everyone and name no factor. */
const wholePopulation = /^(overall|all|aggregate|total)$/i;

export const undeclaredSliceFactor: Rule = {
  code: RuleCode.UndeclaredSliceFactor,
  name: 'undeclared-slice-factor',
  defaultSeverity: 'warning',
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
          return problem ? findingOnKey(card, [...slicePath, factor], problem) : [];
        });
      }
      if (typeof result.slice !== 'string' || wholePopulation.test(result.slice.trim())) return [];
      const problems = parseSliceText(result.slice).flatMap(([factor, value]) => {
        const problem = factor === undefined ? valueProblem(factors, value) : sliceProblem(factors, factor, value);
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

function sliceProblem(factors: Map<string, Set<string> | undefined>, factor: string, value: string): string | undefined {
  if (!factors.has(factor)) {
    const suggestion = closestMatch(factor, factors.keys());
    return `Slice factor \`${factor}\` is not declared under \`factors\`.` + (suggestion ? ` Did you mean \`${suggestion}\`?` : ' Add it to `factors.evaluation`.');
  }
  const values = factors.get(factor);
  if (values && !values.has(value)) {
    return `\`${value}\` is not a declared value of factor \`${factor}\` (${[...values].join(', ')}).`;
  }
  return undefined;
}

function valueProblem(factors: Map<string, Set<string> | undefined>, value: string): string | undefined {
  if (factors.has(value)) return undefined;
  const known = [...factors.values()].some((values) => values?.has(value));
  return known ? undefined : `Slice \`${value}\` names no factor declared under \`factors\`: write it as \`factor: value\` and declare the factor.`;
}
