import { RuleCode } from '../ruleTypes';
import { hubMetadataRule } from '../hubRuleHelpers';

export const hubModelIndex = hubMetadataRule({
  code: RuleCode.HubModelIndex,
  name: 'hub-model-index',
  defaultSeverity: 'error',
  summary: 'README.md: a malformed `model-index`: no `name`, a result without `task.type`, `dataset.type`, `dataset.name` or metric `type` and `value`, a `source` without `url`',
  rationale:
    'The Hub refuses a push with a malformed `model-index` ("model-index[0].results[0].dataset.config" must be a string, huu4ontocord/MDEL#34), and huggingface_hub\'s EvalResult requires task.type, dataset.type, dataset.name, metric type and value, a source url with a source name, and a model name (hub-docs modelcard.md); a bad index is dropped silently on update (huggingface/huggingface_hub#1361).',
  check: 'modelIndex',
});
