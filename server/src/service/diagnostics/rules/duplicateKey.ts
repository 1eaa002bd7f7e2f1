import { RuleCode } from '../ruleTypes';
import { parseProblemRule } from './parseProblemRule';

export const duplicateKey = parseProblemRule({
  code: RuleCode.DuplicateKey,
  name: 'duplicate-key',
  defaultSeverity: 'error',
  rationale: 'With a key given twice, YAML tools disagree on which value wins (some keep the first, some the last, some refuse the file).',
  kinds: ['duplicateKey'],
});
