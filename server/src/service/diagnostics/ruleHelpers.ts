import { isMap, isNode, isScalar } from 'yaml';
import type { ParsedCard } from '../parsing/parsedCard';
import { isPlaceholderText } from '../text/placeholders';
import { missingAnchor, nodeAt, spanOf, keySpanAt, type CardPath } from '../parsing/yamlNodes';
import { schemaProblems, type SchemaProblemKind } from '../schema/schemaProblems';
import type { Finding, Rule } from './ruleTypes';

/** A finding for the key at `path` when it is absent, placed on its parent's key. */
export function findingIfMissing(card: ParsedCard, path: CardPath, message: string): Finding[] {
  if (!card.root || nodeAt(card.root, path) !== undefined || keySpanAt(card, path)) return [];
  const [start, end] = missingAnchor(card, path.slice(0, -1));
  return [{ start, end, message, fix: { kind: 'insertKey', path } }];
}

/** A finding that underlines the value at `path` (or, when it has none, its key). */
export function findingAt(card: ParsedCard, path: CardPath, message: string, fix?: Finding['fix']): Finding[] {
  const node = nodeAt(card.root, path);
  const span = node?.range ? spanOf(node) : keySpanAt(card, path);
  return span ? [{ start: span[0], end: span[1], message, fix }] : [];
}

/** A finding that underlines the key at `path`: the whole entry is at fault. */
export function findingOnKey(card: ParsedCard, path: CardPath, message: string, fix?: Finding['fix']): Finding[] {
  const span = keySpanAt(card, path);
  return span ? [{ start: span[0], end: span[1], message, fix }] : [];
}

interface SchemaRuleSpec extends Omit<Rule, 'check'> {
  kind: SchemaProblemKind;
}

/** A rule that reports one kind of schema violation (the schema is checked once per parse). */
export function schemaRule(spec: SchemaRuleSpec): Rule {
  return {
    ...spec,
    check: ({ card, settings }) =>
      schemaProblems(card)
        // A placeholder stands for a value not written yet: the placeholder rule reports it.
        .filter((problem) => problem.kind === spec.kind && !isPlaceholderText(problem.data, settings.placeholders))
        .flatMap((problem) => {
          const span = problem.onKey ? keySpanAt(card, problem.path) ?? valueSpan(card, problem.path) : valueSpan(card, problem.path);
          const [start, end] = span ?? (problem.anchor && keySpanAt(card, problem.anchor)) ?? missingKeyAnchor(card, problem.path.slice(0, -1));
          return [{ start, end, message: problem.message, fix: problem.fix }];
        }),
  };
}

/** Where to report a key missing in the mapping at `parentPath`: in a list, on the item (its first key); else on the mapping's key. */
function missingKeyAnchor(card: ParsedCard, parentPath: CardPath): [number, number] {
  const item = typeof parentPath[parentPath.length - 1] === 'number' ? nodeAt(card.root, parentPath) : undefined;
  if (!isMap(item) || !item.range) return missingAnchor(card, parentPath);
  const firstKey = item.items[0]?.key;
  return isNode(firstKey) ? spanOf(firstKey) : spanOf(item);
}

function valueSpan(card: ParsedCard, path: CardPath): [number, number] | undefined {
  const node = nodeAt(card.root, path);
  return node?.range ? spanOf(node) : undefined;
}

/** How the scalar at `path` is written in the card (`36.0` stays `36.0`), or `String(fallback)` when it has no text of its own. */
export function writtenValue(card: ParsedCard, path: CardPath, fallback: unknown): string {
  const node = nodeAt(card.root, path);
  return isScalar(node) && node.range ? card.text.slice(node.range[0], node.range[1]) : String(fallback);
}
