import type { Scalar } from 'yaml';
import { locate } from '../../parsing/locate';
import { formatPath } from '../../text/yamlText';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

export const duplicateKey: Rule = {
  code: RuleCode.DuplicateKey,
  name: 'duplicate-key',
  defaultSeverity: 'error',
  summary: 'A key given twice in one mapping',
  rationale: 'With a key given twice, YAML tools disagree on which value wins (some keep the first, some the last, some refuse the file).',
  // The parse found the duplicates (in each mapping, keys used as keys aside); the rule words them.
  check: ({ card }) =>
    card.problems.flatMap((problem): Finding[] => {
      if (problem.kind !== 'duplicateKey' || problem.firstStart === undefined) return [];
      const location = locate(card.root, problem.start);
      if (location?.target !== 'key' || location.node.range?.[0] !== problem.start) return [];
      const mappingPath = location.path.slice(0, -1);
      const where = mappingPath.length === 0 ? '' : ` in \`${formatPath(mappingPath)}\``;
      const key = String((location.node as Scalar).value);
      return [{
        start: problem.start,
        end: problem.end,
        message: `Duplicate key \`${key}\`${where}, first given on line ${card.document.positionAt(problem.firstStart).line + 1}: YAML tools disagree on which value wins. Keep one.`,
      }];
    }),
};
