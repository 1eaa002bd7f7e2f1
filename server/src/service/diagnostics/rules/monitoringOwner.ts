import { monitoringSection } from '../../card/monitoring';
import { isRecord } from '../../card/values';
import type { ParsedCard } from '../../parsing/parsedCard';
import { listText } from '../../text/listText';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const monitoringOwner: Rule = {
  code: RuleCode.MonitoringOwner,
  name: 'monitoring-owner',
  defaultSeverity: 'warning',
  summary: "A monitoring alert owner who is not one of the card's owners or its contact",
  rationale:
    "Alerts must reach someone who answers for the model. An alert owner the card does not name among its owners or as its contact is often a person who left, or a team the card forgot to list.",
  check: ({ card }) => {
    const alerts = monitoringSection(card)?.alerts;
    const owner = isRecord(alerts) && typeof alerts.owner === 'string' ? alerts.owner : undefined;
    if (owner === undefined) return [];
    const known = cardPeople(card);
    if (known.some((person) => samePerson(person, owner))) return [];
    const named = known.length > 0 ? `it names ${listText(known.map((person) => `\`${person}\``), 'and')}` : 'it names no owners and no contact';
    return findingAt(card, ['monitoring', 'alerts', 'owner'], `The alert owner \`${owner}\` is not one of the card's owners or its contact (${named}): add them to \`owners\`, or hand the alerts to someone who answers for the model.`);
  },
};

/** Names and contacts of the card's owners, and its contact. */
function cardPeople(card: ParsedCard): string[] {
  const value = isRecord(card.value) ? card.value : {};
  const owners = Array.isArray(value.owners) ? value.owners : [];
  const people = owners.flatMap((owner) => (typeof owner === 'string' ? [owner] : isRecord(owner) ? [owner.name, owner.contact].filter((text): text is string => typeof text === 'string') : []));
  return typeof value.contact === 'string' ? [...people, value.contact] : people;
}

function samePerson(a: string, b: string): boolean {
  const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
  return normalize(a) === normalize(b);
}
