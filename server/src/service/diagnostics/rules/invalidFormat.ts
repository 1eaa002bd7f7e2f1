import { schemaRule } from '../ruleHelpers';
import { RuleCode } from '../ruleTypes';

export const invalidFormat = schemaRule({
  code: RuleCode.InvalidFormat,
  name: 'invalid-format',
  defaultSeverity: 'error',
  summary: "A value not in its field's form: ISO dates, non-empty lists, numbers in range",
  rationale: 'Values must fit the form of their field: ISO dates, non-empty lists, numbers in range.',
  kind: 'invalidFormat',
});
