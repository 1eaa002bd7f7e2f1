import type { ParsedCard } from '../parsing/parsedCard';
import type { CardPath } from '../parsing/yamlNodes';
import { isRecord } from './values';

/** The card's `monitoring` section, when it is a mapping. */
export function monitoringSection(card: ParsedCard): Record<string, unknown> | undefined {
  const monitoring = isRecord(card.value) ? card.value.monitoring : undefined;
  return isRecord(monitoring) ? monitoring : undefined;
}

/** One monitor under `monitoring.monitors`. */
export interface Monitor {
  path: CardPath;
  kind?: string;
  metric?: string;
  threshold?: number;
}

export function monitors(card: ParsedCard): Monitor[] {
  const list = monitoringSection(card)?.monitors;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index): Monitor[] =>
    isRecord(entry)
      ? [{
          path: ['monitoring', 'monitors', index],
          kind: typeof entry.kind === 'string' ? entry.kind : undefined,
          metric: typeof entry.metric === 'string' ? entry.metric : undefined,
          threshold: typeof entry.threshold === 'number' ? entry.threshold : undefined,
        }]
      : [],
  );
}
