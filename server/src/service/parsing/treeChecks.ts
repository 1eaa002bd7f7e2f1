import { isAlias, isCollection, isMap, isNode, isScalar, type Alias, type Node } from 'yaml';
import { maxNestingDepth } from './boundedParse';
import type { ParseProblem } from './parsedCard';
import { walkNodes } from './yamlNodes';

export { maxNestingDepth };

/** What the walk over the parsed tree found, in one pass. */
export interface TreeCheck {
  problems: ParseProblem[];
  /** The card nests deeper than `maxNestingDepth`. */
  tooDeep: boolean;
  /** False when the plain value cannot be built (an alias with no anchor), would contain itself or nest too deep. */
  valueIsSafe: boolean;
  /** The card has aliases: its plain value takes values from elsewhere in the card. */
  hasAliases: boolean;
}

/**
 * Duplicate keys, aliases that refer to no anchor or to a value they are inside of, and nesting
 * deeper than `maxNestingDepth` (in values and in keys), found in one walk. Duplicate keys are
 * found here, with one hash map per mapping, because the YAML library's own check compares each
 * key with all keys before it.
 */
export function checkTree(root: Node | null | undefined, text: string): TreeCheck {
  const problems: ParseProblem[] = [];
  const anchorsAndAliases: Node[] = [];
  let tooDeep = false;
  const check = (node: Node, depth: number) => {
    if (node.anchor || isAlias(node)) anchorsAndAliases.push(node);
    if (depth > maxNestingDepth && !tooDeep) {
      tooDeep = true;
      problems.push(tooDeepProblem(node, text));
    }
  };
  // walkNodes does not visit keys: they are checked here, one level below their mapping. This
  // recurses only through collections used as keys, which parseBounded keeps to maxNestingDepth levels.
  const walk = (top: Node | undefined, topDepth: number) =>
    walkNodes(top, (node, path) => {
      const depth = topDepth + path.length;
      check(node, depth);
      if (!isMap(node)) return;
      for (const { key } of node.items) {
        if (isCollection(key)) walk(key, depth + 1);
        else if (isNode(key)) check(key, depth + 1);
      }
      for (const problem of duplicateKeyProblems(node.items)) problems.push(problem);
    });
  walk(root ?? undefined, 0);
  const aliasProblems = checkAliases(anchorsAndAliases);
  // One push per problem: spreading 100,000 of them into push() overflows the call stack.
  for (const problem of aliasProblems) problems.push(problem);
  return { problems, tooDeep, valueIsSafe: !tooDeep && aliasProblems.length === 0, hasAliases: anchorsAndAliases.some((node) => isAlias(node)) };
}

/** Problems of the aliases among `nodes`: in the text, an alias refers to the latest anchor of its name before it. */
function checkAliases(nodes: Node[]): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const latestAnchor = new Map<string, Node>();
  for (const node of nodes.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0))) {
    if (isAlias(node)) {
      const problem = aliasProblem(node, latestAnchor.get(node.source));
      if (problem) problems.push(problem);
    } else if (node.anchor) {
      latestAnchor.set(node.anchor, node);
    }
  }
  return problems;
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

/** A problem when `alias` refers to no anchor, or to the value it is inside of (a value that would contain itself). */
function aliasProblem(alias: Alias, target: Node | undefined): ParseProblem | undefined {
  const [start, end] = alias.range ?? [0, 0];
  const name = alias.source;
  if (!target) {
    const message = `The alias \`*${name}\` refers to no anchor \`&${name}\` before it; schema checks are skipped. Define the anchor first, or write the value here.`;
    return { kind: 'syntax', message, start, end };
  }
  const [targetStart, targetEnd] = target.range ?? [0, 0];
  if (start < targetStart || start >= targetEnd) return undefined;
  const message = `The alias \`*${name}\` is inside the value anchored \`&${name}\`, so that value would contain itself; schema checks are skipped. Write the value here instead.`;
  return { kind: 'syntax', message, start, end };
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
