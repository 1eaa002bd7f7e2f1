import { findingIfMissing } from '../../../diagnostics/ruleHelpers';
import { RuleCode, type Rule } from '../../../diagnostics/ruleTypes';

export const missingFailureModes: Rule = {
  code: RuleCode.MissingFailureModes,
  name: 'missing-failure-modes',
  defaultSeverity: 'warning',
  summary: 'A system card with no `failure_modes`',
  rationale:
    'A system fails in ways none of its parts does alone: retrieval misses, prompt injection through retrieved text, errors that cascade from one component to the next. Its card must say how, and what mitigates each.',
  check: ({ card }) =>
    findingIfMissing(
      card,
      ['failure_modes'],
      'The system card lists no `failure_modes`: say how the composition can fail (retrieval misses, prompt injection through retrieved text, errors cascading from one component to the next) and what mitigates each.',
    ),
};
