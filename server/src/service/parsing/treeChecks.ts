import { isAlias, isMap, isScalar, type Node } from 'yaml';
import type { ParseProblem } from './parseCard';
import { walkNodes } from './yamlNodes';

/** Deeper than this, a card is not a card: its plain value is not built (nor schema-checked). */
export const maxNestingDepth = 100;

/** What the walk over the parsed tree found, in one pass. */
export interface TreeCheck {
  problems: ParseProblem[];
  /** The card nests deeper than `maxNestingDepth`. */
  tooDeep: boolean;
  /** False when building the plain value would fail or recurse too deep (unresolved alias, too deep). */
  valueIsSafe: boolean;
}

/**
 * Duplicate keys, aliases with no anchor before them, and nesting deeper than `maxNestingDepth`,
 * found in one walk without recursion. Duplicate keys are found here, with one hash map per
 * mapping, because the YAML library's own check compares each key with all keys before it.
 */
export function checkTree(root: Node | null | undefined, text: string): TreeCheck {
  const problems: ParseProblem[] = [];
  const anchors = new Set<string>();
  let tooDeep = false;
  let unresolvedAlias = false;
  walkNodes(root ?? undefined, (node, path, key) => {
    if (key?.anchor) anchors.add(key.anchor);
    if (node.anchor) anchors.add(node.anchor);
    if (isAlias(node) && !anchors.has(node.source)) {
      unresolvedAlias = true;
      problems.push(unresolvedAliasProblem(node.source, node.range));
    }
    if (isMap(node)) problems.push(...duplicateKeyProblems(node.items));
    if (path.length > maxNestingDepth && !tooDeep) {
      tooDeep = true;
      problems.push(tooDeepProblem(node, text));
    }
  });
  return { problems, tooDeep, valueIsSafe: !tooDeep && !unresolvedAlias };
}

function duplicateKeyProblems(pairs: readonly { key: unknown }[]): ParseProblem[] {
  const seen = new Set<unknown>();
  const problems: ParseProblem[] = [];
  for (const { key } of pairs) {
    if (!isScalar(key) || !key.range) continue;
    if (seen.has(key.value)) {
      problems.push({ kind: 'duplicateKey', message: 'Map keys must be unique', start: key.range[0], end: key.range[1] });
    }
    seen.add(key.value);
  }
  return problems;
}

function unresolvedAliasProblem(name: string, range: Node['range']): ParseProblem {
  const [start, end] = range ?? [0, 0];
  return {
    kind: 'syntax',
    message: `The alias \`*${name}\` refers to no anchor \`&${name}\` before it; schema checks are skipped. Define the anchor first, or write the value here.`,
    start,
    end,
  };
}

/** On the rest of the line where the value too deep starts (its own end depends on where the parser gave up). */
function tooDeepProblem(node: Node, text: string): ParseProblem {
  const start = node.range?.[0] ?? 0;
  return {
    kind: 'syntax',
    message: `The card nests more than ${maxNestingDepth} levels deep here; schema checks are skipped. A model card needs only a few levels: flatten this value.`,
    start,
    end: endOfLine(text, start, text.length),
  };
}

/** The end of the line that `start` is on, or `end` if that comes first. */
export function endOfLine(text: string, start: number, end: number): number {
  const lineBreak = text.slice(start, end).search(/\r?\n/);
  return lineBreak === -1 ? end : start + lineBreak;
}
