import { RuleCode } from '../ruleTypes';
import { hubMetadataRule } from '../hubRuleHelpers';

export const hubPipelineTag = hubMetadataRule({
  code: RuleCode.HubPipelineTag,
  name: 'hub-pipeline-tag',
  defaultSeverity: 'error',
  summary: 'README.md: a `pipeline_tag` that is not a task of @huggingface/tasks',
  rationale: 'The Hub files a model under its `pipeline_tag`, one of the tasks of @huggingface/tasks (PIPELINE_DATA); another value puts the model under no task and its widget does not work.',
  check: 'pipelineTag',
});
