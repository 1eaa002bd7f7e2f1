import { schemaRule } from '../ruleHelpers';
import { RuleCode } from '../ruleTypes';

export const invalidValue = schemaRule({
  code: RuleCode.InvalidValue,
  name: 'invalid-value',
  defaultSeverity: 'error',
  summary: "A value outside its field's vocabulary: status, licence, pipeline tag, language ... (with the closest valid value)",
  rationale: 'Fields with a fixed vocabulary (status, risk rating, licence, pipeline tag, language) must use one of its values, or hubs and registries refuse the card.',
  kind: 'invalidValue',
});
