import { RuleCode } from '../ruleTypes';
import { hubMetadataRule } from '../hubRuleHelpers';

export const hubLanguage = hubMetadataRule({
  code: RuleCode.HubLanguage,
  name: 'hub-language',
  defaultSeverity: 'error',
  summary: 'README.md: a `language` that is not an ISO 639-1, -2 or -3 code (a region tag, a name, several in one text)',
  rationale: 'The Hub takes ISO 639-1, -2 or -3 codes (or multilingual, code) and refuses region tags such as `en-US` or `zh-CN` (espnet/espnet_model_zoo#102: every later commit was refused until they were fixed).',
  check: 'language',
});
