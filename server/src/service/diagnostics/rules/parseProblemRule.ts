import type { ParseProblem } from '../../parsing/parsedCard';
import type { Rule } from '../ruleTypes';

interface ParseProblemRuleSpec extends Omit<Rule, 'check'> {
  kinds: ParseProblem['kind'][];
  /** Replaces the parser's own wording, when it has one that says less. */
  message?: string;
}

/** A rule that reports problems the YAML parser found, of the given kinds. */
export function parseProblemRule({ kinds, message: ownMessage, ...rule }: ParseProblemRuleSpec): Rule {
  return {
    ...rule,
    check: ({ card }) =>
      card.problems
        .filter((problem) => kinds.includes(problem.kind))
        .map(({ start, end, message }) => ({ start, end: Math.max(end, start), message: ownMessage ?? message })),
  };
}
