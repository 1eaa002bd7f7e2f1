import { RuleCode } from '../ruleTypes';
import { hubMetadataRule } from '../hubRuleHelpers';

export const hubLicense = hubMetadataRule({
  code: RuleCode.HubLicense,
  name: 'hub-license',
  defaultSeverity: 'error',
  summary: 'README.md: a `license` not on the Hub\'s list, or `other` without `license_name` and `license_link`',
  rationale:
    'The Hub refuses a push whose `license` is not one of its ids ("license" must be one of [apache-2.0, mit, …], huggingface/huggingface_hub#4218; the list is not SPDX), and wants `license_name` and `license_link` with `license: other` (hub-docs repositories-licenses.md).',
  check: 'license',
});
