import { stringify } from 'yaml';
import { isRecord } from '../card/values';
import { modelCard } from '../kinds/modelCard';
import type { DataPath } from './formatTypes';

/**
 * The text of an imported card: a comment that says where it came from, then the card as YAML with
 * its keys in the schema's order (custom `x-` keys after the known ones). Written for YAML 1.1
 * readers too: `no`, `on` and dates are quoted.
 */
export function cardText(card: Record<string, unknown>, origin: string): string {
  const header = origin
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  return `${header}\n${stringify(inSchemaOrder(card, []), { version: '1.1', lineWidth: 0 })}`;
}

/** `value` with every mapping's keys in the order the model card's schema lists them at that path. */
export function inSchemaOrder(value: unknown, path: DataPath): unknown {
  if (Array.isArray(value)) return value.map((item, index) => inSchemaOrder(item, [...path, index]));
  if (!isRecord(value)) return value;
  const known = modelCard.schema.propertiesAt(path).map(([key]) => key);
  const keys = [...known.filter((key) => key in value), ...Object.keys(value).filter((key) => !known.includes(key))];
  return Object.fromEntries(keys.map((key) => [key, inSchemaOrder(value[key], [...path, key])]));
}
