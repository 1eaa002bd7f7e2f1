import { schemaRule } from '../ruleHelpers';
import { RuleCode } from '../ruleTypes';

export const wrongType = schemaRule({
  code: RuleCode.WrongType,
  name: 'wrong-type',
  defaultSeverity: 'error',
  summary: 'A value of the wrong type: text, number, list or mapping',
  rationale: 'A value of the wrong type (a number where text is expected, a single value where a list is expected) breaks rendering and export.',
  kind: 'wrongType',
});
