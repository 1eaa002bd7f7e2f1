import { RuleCode } from '../ruleTypes';
import { parseProblemRule } from './parseProblemRule';

export const yamlSyntax = parseProblemRule({
  code: RuleCode.YamlSyntax,
  name: 'yaml-syntax',
  defaultSeverity: 'error',
  summary: 'YAML that cannot be read, or that does not hold one mapping',
  rationale: 'The card must be valid YAML holding one mapping; the other checks run on whatever could be read.',
  kinds: ['syntax', 'aliasBomb', 'extraDocument', 'notAMapping', 'empty'],
});
