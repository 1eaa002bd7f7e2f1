import type { ParseProblem } from '../../parsing/parseCard';
import type { Rule, RuleCode, Severity } from '../ruleTypes';

interface ParseProblemRuleSpec {
  code: RuleCode;
  name: string;
  defaultSeverity: Severity;
  rationale: string;
  kinds: ParseProblem['kind'][];
}

/** A rule that reports problems the YAML parser found, of the given kinds. */
export function parseProblemRule(spec: ParseProblemRuleSpec): Rule {
  return {
    ...spec,
    check: ({ card }) =>
      card.problems
        .filter((problem) => spec.kinds.includes(problem.kind))
        .map(({ start, end, message }) => ({ start, end: Math.max(end, start), message })),
  };
}
