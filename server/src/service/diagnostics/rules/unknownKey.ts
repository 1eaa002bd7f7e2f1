import { schemaRule } from '../ruleHelpers';
import { RuleCode } from '../ruleTypes';

export const unknownKey = schemaRule({
  code: RuleCode.UnknownKey,
  name: 'unknown-key',
  defaultSeverity: 'error',
  summary: 'A key the format does not define (with "did you mean"); custom keys start with `x-`',
  rationale: 'Keys the format does not define are usually typos; other tools drop them silently. Custom keys start with x-.',
  kind: 'unknownKey',
});
