import { isAlias, isCollection, isMap, isNode, isScalar, type Alias, type Node } from 'yaml';
import { maxNestingDepth } from './boundedParse';
import type { ParseProblem } from './parsedCard';
import { visitNodes } from './yamlNodes';

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
 * What one walk over part of the tree found: nesting too deep (the first place only), duplicate
 * keys, and the anchors and aliases, whose problems depend on the whole card.
 */
export interface TreeFacts {
  duplicateKeys: ParseProblem[];
  tooDeep?: ParseProblem;
  anchorsAndAliases: Node[];
}

/**
 * Duplicate keys, aliases that refer to no anchor or to a value they are inside of, and nesting
 * deeper than `maxNestingDepth` (in values and in keys), found in one walk. Duplicate keys are
 * found here, with one hash map per mapping, because the YAML library's own check compares each
 * key with all keys before it.
 */
export function checkTree(root: Node | null | undefined, text: string): TreeCheck {
  return combinedCheck([treeFacts(root ?? undefined, text, 0)], isMap(root) ? duplicateKeyProblems(root.items) : []);
}

/**
 * The facts of the tree below `top`, a node `topDepth` levels below the card's root, without
 * the duplicate keys of `top` itself: when `top` is a chunk's, the same mapping goes on in other
 * chunks, and its keys are checked together (combinedCheck).
 */
export function treeFacts(top: Node | undefined, text: string, topDepth: number): TreeFacts {
  const facts: TreeFacts = { duplicateKeys: [], anchorsAndAliases: [] };
  const check = (node: Node, depth: number) => {
    if (node.anchor || isAlias(node)) facts.anchorsAndAliases.push(node);
    if (depth > maxNestingDepth) facts.tooDeep ??= tooDeepProblem(node, text);
  };
  // visitNodes does not visit keys: they are checked here, one level below their mapping. This
  // recurses only through collections used as keys, which parseBounded keeps to maxNestingDepth levels.
  const walk = (below: Node | undefined, belowDepth: number) =>
    visitNodes(below, (node, path) => {
      const depth = belowDepth + path.length;
      check(node, depth);
      if (!isMap(node)) return;
      for (const { key } of node.items) {
        if (isCollection(key)) walk(key, depth + 1);
        else if (isNode(key)) check(key, depth + 1);
      }
      if (node !== top) for (const problem of duplicateKeyProblems(node.items)) facts.duplicateKeys.push(problem);
    });
  walk(top, topDepth);
  return facts;
}

/**
 * The check of a card from the facts of its parts (in text order) and the duplicate keys of the
 * mappings they share (`sharedKeyProblems`): the first nesting too deep, and the aliases checked
 * against the anchors of the whole card.
 */
export function combinedCheck(parts: readonly TreeFacts[], sharedKeyProblems: readonly ParseProblem[] = []): TreeCheck {
  const problems: ParseProblem[] = [...sharedKeyProblems];
  for (const part of parts) for (const problem of part.duplicateKeys) problems.push(problem);
  const tooDeep = parts.find((part) => part.tooDeep)?.tooDeep;
  if (tooDeep) problems.push(tooDeep);
  const anchorsAndAliases = parts.flatMap((part) => part.anchorsAndAliases);
  const aliasProblems = checkAliases(anchorsAndAliases);
  // One push per problem: spreading 100,000 of them into push() overflows the call stack.
  for (const problem of aliasProblems) problems.push(problem);
  return { problems, tooDeep: tooDeep !== undefined, valueIsSafe: !tooDeep && aliasProblems.length === 0, hasAliases: anchorsAndAliases.some((node) => isAlias(node)) };
}

/** The facts moved by `delta` characters, with their nodes (whose ranges the caller has moved). */
export function movedFacts(facts: TreeFacts, delta: number): TreeFacts {
  if (delta === 0) return facts;
  const moved = (problem: ParseProblem): ParseProblem => ({ ...problem, start: problem.start + delta, end: problem.end + delta, ...(problem.firstStart !== undefined ? { firstStart: problem.firstStart + delta } : {}) });
  return { duplicateKeys: facts.duplicateKeys.map(moved), ...(facts.tooDeep ? { tooDeep: moved(facts.tooDeep) } : {}), anchorsAndAliases: facts.anchorsAndAliases };
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

/** Each key of `pairs` given before in them, with where it was first given. */
export function duplicateKeyProblems(pairs: readonly { key: unknown }[]): ParseProblem[] {
  const firstStarts = new Map<unknown, number>();
  const problems: ParseProblem[] = [];
  for (const { key } of pairs) {
    if (!isScalar(key) || !key.range) continue;
    const firstStart = firstStarts.get(key.value);
    if (firstStart === undefined) firstStarts.set(key.value, key.range[0]);
    else problems.push({ kind: 'duplicateKey', message: 'Map keys must be unique', start: key.range[0], end: key.range[1], firstStart });
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

/** The end of the line that `start` is on (at `\n`, `\r\n` or a lone `\r`), or `end` if that comes first. */
export function endOfLine(text: string, start: number, end: number): number {
  const lineBreak = text.slice(start, end).search(/[\r\n]/);
  return lineBreak === -1 ? end : start + lineBreak;
}
