import { RuleCode } from '../ruleTypes';
import { hubMetadataRule } from '../hubRuleHelpers';

export const hubListValue = hubMetadataRule({
  code: RuleCode.HubListValue,
  name: 'hub-list-value',
  defaultSeverity: 'error',
  summary: 'README.md: a list key (`tags`, `metrics`, `widget`, `eval_results`, `model-index`) holding one value, or an empty (null) item such as `datasets: [null]`',
  rationale: 'The Hub wants these keys as lists ("widget" must be an array, ostris/ai-toolkit#260) and refuses empty items: Trainer cards with `datasets: - null` were rejected (huggingface/transformers#13528).',
  check: 'listValue',
});
