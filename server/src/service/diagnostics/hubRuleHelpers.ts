import { isMap, isNode, isSeq } from 'yaml';
import { isRecord } from '../card/values';
import { hubMetadataProblems, type HubCheck, type HubProblem } from '../formats/huggingFace/hubMetadata';
import type { ParsedCard } from '../parsing/parsedCard';
import { keySpanAt, missingAnchor, nodeAt, spanOf, type CardPath } from '../parsing/yamlNodes';
import { yamlScalar } from '../text/yamlText';
import type { Finding, Rule } from './ruleTypes';

interface HubRuleSpec extends Omit<Rule, 'check'> {
  check: HubCheck;
}

/** A README.md rule that reports one kind of the Hub's metadata problems, where they are in the README. */
export function hubMetadataRule({ check, ...rule }: HubRuleSpec): Rule {
  return {
    ...rule,
    check: ({ card, readme }) => {
      if (!readme || !isRecord(card.value)) return [];
      return hubMetadataProblems(card.value)
        .filter((problem) => problem.check === check)
        .map((problem) => hubFinding(card, problem.path, problem));
    },
  };
}

/** A finding at `path` in the YAML: a value; a missing key's mapping, on its key or its first key. */
export function hubFinding(card: ParsedCard, path: CardPath, problem: Pick<HubProblem, 'message' | 'suggestion' | 'onKey'>): Finding {
  const [start, end] = problemSpan(card, path, problem.onKey === true);
  const suggestion = problem.suggestion;
  const fix = suggestion ? { kind: 'replace' as const, title: `Change to ${suggestion}`, newText: /^'.*'$/.test(suggestion) ? suggestion : yamlScalar(suggestion) } : undefined;
  return { start, end, message: problem.message, ...(fix ? { fix } : {}) };
}

function problemSpan(card: ParsedCard, path: CardPath, onKey: boolean): [number, number] {
  const node = nodeAt(card.root, path);
  const key = typeof path[path.length - 1] === 'string' ? keySpanAt(card, path) : undefined;
  if (onKey && key) return key;
  if (node && isMap(node)) {
    if (key) return key;
    const firstKey = node.items[0]?.key;
    if (isNode(firstKey)) return spanOf(firstKey);
  }
  if (node && !isSeq(node) && node.range) return spanOf(node);
  return key ?? missingAnchor(card, path);
}
