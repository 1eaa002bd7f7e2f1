import { Composer, CST, Document, Lexer, Parser, YAMLParseError } from 'yaml';
import { finish, type Steps } from '../steps';

type ComposerOptions = ConstructorParameters<typeof Composer>[0];

/** Deeper than this, a card is not a card: its plain value is not built (nor schema-checked). */
export const maxNestingDepth = 100;

/** A slot of the syntax tree that holds a token: `holder[field]`. */
interface Slot {
  holder: Record<string, unknown>;
  field: string;
  depth: number;
}

/** Where a piece of a card's text sits in the card: its offset, and how deep its top node is (0 for the card's root). */
export interface Placement {
  offset: number;
  depth: number;
}

/** Lexical tokens read per step: a step stays a few milliseconds long however long the text. */
const lexemesPerStep = 2_000;

/**
 * The YAML documents of `text`, read by the YAML library without ever recursing deeper than
 * `maxNestingDepth` levels: a collection nested deeper than that (as a value or as a key) is
 * replaced by an empty value before the library builds its nodes. The library builds nodes by
 * recursion, so deep nesting ran it out of stack at a depth that changed from run to run, and
 * cost time for nothing. `checkTree` reports the empty value that took its place.
 *
 * `text` may be a piece of a card (`placement`): node ranges are then offsets into the card.
 */
export function parseBounded(text: string, options: ComposerOptions, placement: Placement = { offset: 0, depth: 0 }): Document.Parsed[] {
  return finish(parseBoundedSteps(text, options, placement));
}

/** parseBounded in steps: the text is read a few thousand tokens per step, and its nodes built in one last step. */
export function* parseBoundedSteps(text: string, options: ComposerOptions, placement: Placement = { offset: 0, depth: 0 }): Steps<Document.Parsed[]> {
  const parser = new Parser();
  parser.offset = placement.offset;
  const tokens: CST.Token[] = [];
  const deepFlow = new DeepFlowFilter();
  let lexemes = 0;
  try {
    for (const lexeme of new Lexer().lex(text)) {
      if (deepFlow.skips(lexeme)) parser.offset += sourceLength(lexeme);
      else for (const token of parser.next(lexeme)) tokens.push(token);
      if (++lexemes % lexemesPerStep === 0) yield;
    }
    for (const token of parser.end()) tokens.push(token);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return [tooDeepToRead(options, { start: placement.offset, end: placement.offset + text.length }, parser.offset)];
  }
  for (const token of tokens) if (token.type === 'document') cutTooDeep(token, placement.depth);
  yield;
  // The library makes an Error for each problem it finds, thousands in a broken card: their stack traces are never read, and cost most of the time.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return [...new Composer(options).compose(tokens)];
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * Flow collections nested deeper than this are never given to the parser: each lies below a
 * collection that `cutTooDeep` empties (every flow level is at least one level of the tree).
 * Parsing them only to throw them away cost time and memory that grew faster than the text.
 */
const maxFlowDepthParsed = maxNestingDepth + 2;

/** Follows the lexer's flow nesting, and says which lexemes lie deeper than `maxFlowDepthParsed`. */
class DeepFlowFilter {
  private depth = 0;
  private atScalarSource = false;

  skips(lexeme: string): boolean {
    if (this.atScalarSource) {
      this.atScalarSource = false;
      return this.depth > maxFlowDepthParsed;
    }
    switch (CST.tokenType(lexeme)) {
      case 'scalar':
        this.atScalarSource = true;
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        return ++this.depth > maxFlowDepthParsed;
      case 'flow-seq-end':
      case 'flow-map-end':
        if (this.depth === 0) return false;
        return this.depth-- > maxFlowDepthParsed;
      case 'flow-error-end':
        this.depth = 0;
        return false;
    }
    return this.depth > maxFlowDepthParsed;
  }
}

/** The length in the text of a lexeme: the lexer's markers of a scalar, of a mode and of a broken flow collection take none. */
function sourceLength(lexeme: string): number {
  return lexeme === CST.SCALAR || lexeme === CST.DOCUMENT || lexeme === CST.FLOW_END ? 0 : lexeme.length;
}

/**
 * The document of a text whose nesting ran the library's parser out of stack (it recurses into
 * some nested block collections before our depth limit can cut them): no content, and one error
 * where the parser was.
 */
function tooDeepToRead(options: ComposerOptions, span: { start: number; end: number }, offset: number): Document.Parsed {
  const document = new Document(null, options) as unknown as Document.Parsed;
  document.contents = null;
  const at = Math.min(Math.max(offset, span.start), Math.max(span.end - 1, span.start));
  document.errors.push(new YAMLParseError([at, at + 1], 'RESOURCE_EXHAUSTION', 'Maximum call stack size exceeded'));
  document.range = [span.start, span.end, span.end];
  return document;
}

/** Replaces each collection deeper than `maxNestingDepth` below `document` with an empty plain scalar; no recursion. */
function cutTooDeep(document: CST.Document, topDepth: number): void {
  const slots: Slot[] = [{ holder: document as unknown as Record<string, unknown>, field: 'value', depth: topDepth }];
  while (slots.length > 0) {
    const { holder, field, depth } = slots.pop()!;
    const token = holder[field] as CST.Token | null | undefined;
    if (!CST.isCollection(token)) continue;
    if (depth > maxNestingDepth) {
      holder[field] = { type: 'scalar', offset: token.offset, indent: token.indent, source: '', end: [] } satisfies CST.FlowScalar;
      continue;
    }
    for (const item of token.items as Record<string, unknown>[]) {
      slots.push({ holder: item, field: 'key', depth: depth + 1 }, { holder: item, field: 'value', depth: depth + 1 });
    }
  }
}
