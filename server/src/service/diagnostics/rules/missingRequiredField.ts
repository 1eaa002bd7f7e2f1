import { schemaRule } from '../ruleHelpers';
import { RuleCode } from '../ruleTypes';

export const missingRequiredField = schemaRule({
  code: RuleCode.MissingRequiredField,
  name: 'missing-required-field',
  defaultSeverity: 'error',
  summary: "A key the format requires: the model's `name`, a licence's name and link with `license: other` ...",
  rationale: 'Some keys are required by the format, such as the name of the model, or a licence name and link with license: other.',
  kind: 'missingRequired',
});
