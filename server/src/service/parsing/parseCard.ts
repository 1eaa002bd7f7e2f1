import { isMap, type Document } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseBoundedSteps } from './boundedParse';
import { readChunked, yamlOptions, type ReadChunk, type ReusedSpan } from './chunkedParse';
import type { DocumentKind } from '../kinds/documentKind';
import { modelCard } from '../kinds/modelCard';
import type { ParsedCard, ParseProblem } from './parsedCard';
import { finish, type Steps } from '../steps';
import { maxAliasCopies, plainValue } from './plainValue';
import { checkTree, endOfLine } from './treeChecks';

const problemKindByYamlCode: Record<string, ParseProblem['kind']> = {
  TAB_AS_INDENT: 'tabIndent',
};

/** Clearer words for the YAML library's messages that would puzzle a card's author. */
const messageByYamlCode: Record<string, string> = {
  // The library's parser recursed until the call stack ran out: its message is "Maximum call stack size exceeded".
  RESOURCE_EXHAUSTION: 'The YAML nests too deeply to be read here; this value is ignored. Flatten the nesting.',
};

/** The YAML errors listed at most: a broken card can have tens of thousands, which no one reads and which cost every request. */
const maxYamlErrors = 100;

/** The chunks each parse was read in, for the parse of the next version to reuse. */
const chunksOf = new WeakMap<ParsedCard, ReadChunk[]>();

/** What a parse reused of the parse of the version before: that parse's identity, and the spans of text it took over unchanged. */
export interface IncrementalBasis {
  readonly earlier: object;
  readonly reused: readonly ReusedSpan[];
}

const identities = new WeakMap<ParsedCard, object>();
const bases = new WeakMap<ParsedCard, IncrementalBasis>();

/**
 * A token for the parse, which outlives it: whoever computes something from a parse can keep it
 * under this token for the next version's parse (see incrementalBasis) without keeping the tree.
 */
export function parseIdentity(card: ParsedCard): object {
  let identity = identities.get(card);
  if (!identity) {
    identity = {};
    identities.set(card, identity);
  }
  return identity;
}

/** What the parse reused of the version before it, when it was read from that version's chunks. */
export function incrementalBasis(card: ParsedCard): IncrementalBasis | undefined {
  return bases.get(card);
}

/**
 * The parse of a version of a document of the given kind (its kind only words the messages here).
 * Given the parse of an earlier version (`earlier`), only the chunks of the text that changed are
 * read again (see chunkedParse), and `earlier` must no longer be used: its tree now belongs to the
 * new parse.
 */
export function parseCard(source: TextDocument, kind: DocumentKind = modelCard, earlier?: ParsedCard): ParsedCard {
  return finish(parseCardSteps(source.getText(), source, kind, earlier));
}

/** parseCard in steps (a chunk read per step) of `text`, the text of `source` when the steps were made. */
export function* parseCardSteps(
  text: string,
  source: Pick<TextDocument, 'uri' | 'languageId' | 'version'>,
  kind: DocumentKind = modelCard,
  earlier?: ParsedCard,
): Steps<ParsedCard> {
  const { document: noun, short, subject } = kind.words;
  const document = TextDocument.create(source.uri, source.languageId, source.version, text);
  // Duplicate keys are found by checkTree: the library's check is quadratic in a mapping's size.
  // Editors and LSP count a lone \r (old Mac files) as a line break; YAML does not. Same length, same offsets.
  const yamlText = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const chunked = yield* readChunked(yamlText, (earlier && chunksOf.get(earlier)) ?? []);
  const [first, ...extra] = chunked.document ? [chunked.document] : (chunked.whole ?? (yield* parseBoundedSteps(yamlText, yamlOptions)));
  const tree = chunked.tree ?? checkTree(first?.contents, text);
  const problems: ParseProblem[] = [];
  // The library repeats an error at one place for each collection left open there: say it once.
  const reported = new Set<string>();
  let firstUnlisted: ParseProblem | undefined;
  for (const error of first?.errors ?? []) {
    const problem: ParseProblem = {
      kind: problemKindByYamlCode[error.code] ?? 'syntax',
      message: messageByYamlCode[error.code] ?? firstLine(error.message),
      start: error.pos[0],
      end: error.pos[1],
    };
    const identity = `${problem.start} ${problem.end} ${problem.message}`;
    if (!reported.has(identity)) {
      if (reported.size < maxYamlErrors) problems.push(problem);
      else firstUnlisted ??= problem;
    }
    reported.add(identity);
  }
  if (firstUnlisted) {
    const more = (reported.size - maxYamlErrors).toLocaleString('en-US');
    problems.push({ ...firstUnlisted, message: `${more} more YAML errors from here on are not listed: fix the first ones, the rest often come from them.` });
  }
  for (const problem of tree.problems) problems.push(problem);
  for (const extraDocument of extra) {
    const start = extraDocument.range[0];
    problems.push({
      kind: 'extraDocument',
      message: `A ${short} file holds one ${short}; this second YAML document is ignored. Move it to its own ${kind.fileSuffixes[0]} file.`,
      start,
      end: start + 3,
    });
  }
  // The value put together from the chunks' is right when no alias takes a value from another chunk.
  const chunkedValue = chunked.document && !tree.hasAliases ? chunked.value : undefined;
  const value = first && tree.valueIsSafe ? (chunkedValue ?? cardValue(first, text, problems)) : undefined;
  const root = first && isMap(first.contents) ? first.contents : undefined;
  const unreadable = first?.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION') === true;
  if (!first?.contents && !unreadable) {
    problems.push({ kind: 'empty', message: `This ${noun} is empty: start with \`name:\` and the name of the ${subject}.`, start: 0, end: 0 });
  } else if (first?.contents && !root) {
    const [start, end] = first.contents.range;
    problems.push({
      kind: 'notAMapping',
      message: `A ${noun} is a mapping of keys such as "name: ..."; this file holds a single value or a list instead.`,
      start,
      end: endOfLine(text, start, end),
    });
  }
  const card: ParsedCard = { kind, document, text, yaml: first, root, value, problems };
  chunksOf.set(card, chunked.chunks);
  if (earlier && chunked.document && chunked.reused) bases.set(card, { earlier: parseIdentity(earlier), reused: chunked.reused });
  return card;
}

/** The card as plain data; undefined, with a problem, when its aliases would copy too much. */
function cardValue(yaml: Document.Parsed, text: string, problems: ParseProblem[]): unknown {
  const built = plainValue(yaml.contents, text);
  if ('value' in built) return built.value;
  const [start, end] = yaml.contents?.range ?? [0, 0];
  problems.push({
    kind: 'aliasBomb',
    message: `The card's aliases expand too far (more than ${maxAliasCopies.toLocaleString('en-US')} copied values, as in a "billion laughs" attack); schema checks are skipped. Replace the aliases with plain values.`,
    start,
    end: Math.min(end, start + 1),
  });
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0].replace(/ at line \d+, column \d+:?$/, '');
}
