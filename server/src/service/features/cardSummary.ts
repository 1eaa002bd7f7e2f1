import { governanceStatuses, type CardSummary, type GovernanceStatus } from '../../protocol';
import { governanceStatus } from '../card/cardData';
import { isRecord } from '../card/values';
import type { ParsedCard } from '../parsing/parsedCard';

/** The card's name and review status, as far as the card states them validly. */
export function cardSummary(card: ParsedCard): CardSummary {
  const name = isRecord(card.value) && typeof card.value.name === 'string' ? card.value.name : undefined;
  const status = governanceStatus(card);
  return {
    ...(name !== undefined ? { name } : {}),
    ...(isGovernanceStatus(status) ? { status } : {}),
  };
}

function isGovernanceStatus(status: string | undefined): status is GovernanceStatus {
  return (governanceStatuses as readonly (string | undefined)[]).includes(status);
}
