import { isRecord } from '../card/values';
import { defaultSettings } from '../../protocol';
import { isPlaceholderText } from '../text/placeholders';
import type { CardExporter, DataPath, Loss } from './formatTypes';

/**
 * The exporter, given the card without its placeholders (`TODO ...` values not written yet):
 * another format would take them for content. Each one left out is in the loss report.
 */
export function withoutPlaceholders(exporter: CardExporter): CardExporter {
  return {
    id: exporter.id,
    export: (card, options) => {
      const losses: Loss[] = [];
      const cleaned = stripped(card, [], losses) as Record<string, unknown>;
      const result = exporter.export(cleaned, options);
      return { ...result, losses: [...losses, ...result.losses] };
    },
  };
}

function stripped(value: unknown, path: DataPath, losses: Loss[]): unknown {
  if (isPlaceholderText(value, defaultSettings.placeholders)) {
    losses.push({ where: formatPath(path), reason: 'a placeholder (not written yet); left out' });
    return undefined;
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => stripped(item, [...path, index], losses)).filter((item) => item !== undefined);
    return items.length > 0 || value.length === 0 ? items : undefined;
  }
  if (!isRecord(value)) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, stripped(item, [...path, key], losses)] as const);
  return Object.fromEntries(entries.filter(([, item]) => item !== undefined));
}

function formatPath(path: DataPath): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}
