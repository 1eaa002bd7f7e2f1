import { RuleCode } from '../ruleTypes';
import { parseProblemRule } from './parseProblemRule';

export const tabIndentation = parseProblemRule({
  code: RuleCode.TabIndentation,
  name: 'tab-indentation',
  defaultSeverity: 'error',
  summary: 'A tab in indentation',
  rationale: 'YAML forbids tabs in indentation; editors show them at different widths, so the structure you see is not the one parsed.',
  kinds: ['tabIndent'],
  message: 'Tab in indentation: YAML allows only spaces there. Indent with spaces.',
});
