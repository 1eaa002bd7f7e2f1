import { governanceStatus } from '../../card/cardData';
import { riskLevel, statusReached } from '../../card/signOffs';
import { hasContent, isRecord } from '../../card/values';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const monitoringMissing: Rule = {
  code: RuleCode.MonitoringMissing,
  name: 'monitoring-missing',
  defaultSeverity: 'error',
  summary: 'A high-risk card approved or published without a `monitoring` plan',
  rationale:
    'A high-risk system needs a post-market monitoring plan (EU AI Act Art. 72 and Annex IV point 9; NIST AI RMF MANAGE 4.1): what is watched in production, the alert thresholds, who answers them and when the model is reviewed again. It must be written before the card is approved.',
  check: ({ card, settings }) => {
    if (riskLevel(card) !== 'high' || !statusReached(card, 'approved')) return [];
    const monitoring = isRecord(card.value) ? card.value.monitoring : undefined;
    if (hasContent(monitoring, settings.placeholders)) return [];
    return findingAt(
      card,
      ['governance', 'status'],
      `The card is \`${governanceStatus(card)}\` but, rated high-risk, it has no \`monitoring\` plan: say what is watched in production, the alert thresholds and owner, and when the model is reviewed again.`,
      { kind: 'insertKey', path: ['monitoring'], title: 'Add a `monitoring` section' },
    );
  },
};
