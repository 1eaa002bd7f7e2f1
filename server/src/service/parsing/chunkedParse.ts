import { Document, isMap, isNode, isPair, isScalar, isSeq, YAMLMap, YAMLSeq, type Node, type Pair } from 'yaml';
import { parseBoundedSteps } from './boundedParse';
import { chunkPlan, type TextSpan } from './chunkPlan';
import { plainValue, setEntry } from './plainValue';
import { combinedCheck, duplicateKeyProblems, movedFacts, treeFacts, type TreeCheck, type TreeFacts } from './treeChecks';
import type { Steps } from '../steps';

/** What a chunk must read as: top-level entries, the head of a cut entry (`metrics:` and no value), or a run of its items or entries. */
type ChunkRole = 'entries' | 'head' | 'list' | 'mapping';

/** A chunk of a card as the YAML library read it, at its place in the card. */
export interface ReadChunk {
  role: ChunkRole;
  start: number;
  text: string;
  /** The chunk's top node; undefined when the chunk does not read as its role requires (then the card is read whole). */
  contents: YAMLMap | YAMLSeq | undefined;
  /** A head's own empty value, which the joined runs of its items replace in each version. */
  emptyValue?: Node;
  /**
   * The chunk as plain data, built when it is read: it stays the same when the chunk moves.
   * Undefined when aliases copy too much; right only when no alias refers to another chunk.
   */
  value: unknown;
  /** Where the chunk's nodes sit in the card's data: the key of the entry it is a run of, and the index of its first item. */
  placement?: string;
  /** What checkTree finds below the chunk's top node, found when it is read. */
  facts?: TreeFacts;
}

/** A span of text read in an earlier version, reused at the same place in the card's data: `length` characters moved from `from` to `to`. */
export interface ReusedSpan {
  from: number;
  to: number;
  length: number;
}

/** The card read chunk by chunk, as one document (undefined when it must be read whole), and its chunks for the next version to reuse. */
export interface ChunkedRead {
  document: Document.Parsed | undefined;
  chunks: ReadChunk[];
  /** The card as plain data, put together from its chunks' (right when the card has no aliases). */
  value?: unknown;
  /** When the card must be read whole and its one chunk was the whole card: the documents that chunk read as. */
  whole?: Document.Parsed[];
  /** The chunks reused from the earlier version at the same place in the card's data, in text order. */
  reused?: ReusedSpan[];
  /** The checks of the tree, put together from the chunks'. */
  tree?: TreeCheck;
}

export const yamlOptions = { uniqueKeys: false, logLevel: 'error' } as const;

/**
 * The card read as `chunkPlan` cuts it, reusing the chunks of an earlier version that have the
 * same text (moved, if the edit was before them). The document is undefined when a chunk does not
 * read as the part of the card it should be (a syntax error, a second document, a value that goes
 * on past a chunk...): the card must then be read whole. Node ranges are offsets into the whole
 * text. Aliases are not resolved while reading, so an alias may refer to an anchor in another chunk.
 *
 * Reused chunks are moved in place: the earlier version's tree must no longer be used.
 */
export function* readChunked(text: string, earlier: readonly ReadChunk[]): Steps<ChunkedRead> {
  // A directive (`%YAML 1.1`) changes how the whole document reads.
  if (/^%/m.test(text)) {
    for (const chunk of earlier) chunk.placement = undefined;
    return { document: undefined, chunks: [...earlier] };
  }
  const available = new Map<string, ReadChunk[]>();
  for (const chunk of earlier) {
    const same = available.get(chunk.text);
    if (same) same.push(chunk);
    else available.set(chunk.text, [chunk]);
  }
  const chunks: ReadChunk[] = [];
  const reused: ReusedSpan[] = [];
  let whole: Document.Parsed[] | undefined;
  // Chunks of the earlier version not used this time may still be, by the next one; but they have no place in this version's data.
  const unread = (): ChunkedRead => {
    const kept = [...chunks, ...[...available.values()].flat()];
    for (const chunk of kept) chunk.placement = undefined;
    return { document: undefined, chunks: kept, ...(whole ? { whole } : {}) };
  };
  /** The chunk at `span`, reused or read (in steps), at `placement` in the card's data. */
  const take = function* (span: TextSpan, role: ChunkRole, placement = ''): Steps<ReadChunk> {
    const chunkText = text.slice(span.start, span.end);
    const same = available.get(chunkText);
    const index = same?.findIndex((chunk) => chunk.role === role) ?? -1;
    if (index >= 0) {
      const earlierChunk = same!.splice(index, 1)[0];
      if (earlierChunk.placement === placement) reused.push({ from: earlierChunk.start, to: span.start, length: chunkText.length });
      const chunk = moved(earlierChunk, span.start);
      chunk.placement = placement;
      chunks.push(chunk);
      return chunk;
    }
    const documents = yield* parseBoundedSteps(chunkText, yamlOptions, { offset: span.start, depth: role === 'list' || role === 'mapping' ? 1 : 0 });
    if (chunkText.length === text.length) whole = documents;
    yield;
    const chunk = readChunk(text, chunkText, span.start, role, documents);
    chunk.placement = placement;
    chunks.push(chunk);
    return chunk;
  };

  // The root mapping's entries, read as mappings of one or more entries each, and its plain value.
  const entries: YAMLMap[] = [];
  const splitMappings: YAMLMap[] = [];
  const valueEntries: [string, unknown][] = [];
  for (const item of chunkPlan(text)) {
    if (item.kind === 'entries') {
      const chunk = yield* take(item, 'entries');
      if (!chunk.contents) return unread();
      entries.push(chunk.contents as YAMLMap);
      valueEntries.push(...Object.entries((chunk.value ?? {}) as Record<string, unknown>));
      continue;
    }
    const head = yield* take(item.head, 'head');
    if (!head.contents) return unread();
    const [key] = Object.keys((head.value ?? {}) as Record<string, unknown>);
    const parts: ReadChunk[] = [];
    let itemCount = 0;
    for (const part of item.parts) {
      const chunk = yield* take(part, item.collection, item.collection === 'list' ? `${key}\0${itemCount}` : `${key}`);
      if (!chunk.contents) return unread();
      parts.push(chunk);
      itemCount += chunk.contents.items.length;
    }
    const [pair] = head.contents.items as Pair[];
    const collection = joined(item.collection === 'list' ? new YAMLSeq() : new YAMLMap(), parts.map((part) => part.contents!));
    if (isMap(collection)) splitMappings.push(collection);
    pair.value = collection;
    const entry = new YAMLMap();
    entry.items = [pair];
    entry.range = [head.contents.range![0], collection.range![1], collection.range![2]];
    entries.push(entry);
    const partValues = parts.map((part) => part.value ?? []);
    valueEntries.push([key, item.collection === 'list' ? (partValues as unknown[][]).flat() : Object.assign({}, ...partValues)]);
  }
  const root = joined(new YAMLMap(), entries);
  const document = new Document(null, yamlOptions) as unknown as Document.Parsed;
  document.contents = root as unknown as Document.Parsed['contents'];
  document.range = [0, root.range![1], text.length];
  const sharedKeys = [root, ...splitMappings].flatMap((mapping) => duplicateKeyProblems(mapping.items));
  const tree = combinedCheck(chunks.map((chunk) => chunk.facts!), sharedKeys);
  if (chunks.some((chunk) => chunk.value === undefined)) return { document, chunks, reused, tree };
  const value: Record<string, unknown> = {};
  for (const [key, entryValue] of valueEntries) setEntry(value, key, entryValue);
  return { document, chunks, value, reused, tree };
}

/** The chunk of `cardText` at `start`, which the YAML library read as `documents`. */
function readChunk(cardText: string, text: string, start: number, role: ChunkRole, documents: Document.Parsed[]): ReadChunk {
  const [document] = documents;
  const readsAsRole = documents.length === 1 && document.errors.length === 0 && fitsRole(document.contents, role, text, start);
  const contents = readsAsRole ? (document.contents as YAMLMap | YAMLSeq) : undefined;
  const built = contents && plainValue(contents, cardText);
  return {
    role,
    start,
    text,
    contents,
    facts: contents && treeFacts(contents, cardText, role === 'list' || role === 'mapping' ? 1 : 0),
    emptyValue: role === 'head' ? ((contents?.items[0] as Pair | undefined)?.value as Node) : undefined,
    value: built && 'value' in built ? built.value : undefined,
  };
}

/** Whether a chunk's top node is what its role requires: a block collection that starts where the chunk's content does. */
function fitsRole(contents: unknown, role: ChunkRole, text: string, start: number): boolean {
  if (!(role === 'list' ? isSeq(contents) : isMap(contents))) return false;
  const collection = contents as YAMLMap | YAMLSeq;
  if (collection.flow || collection.items.length === 0 || !collection.range) return false;
  // A chunk's collection starts with its first content (the first chunk's after a byte order mark, comments and `---`), the card's root at column 0.
  const [lead, indent] = /^\ufeff?(?:[ \t]*(?:#.*)?\n|---[ \t]*(?:#.*)?\n)*( *)/.exec(text)!;
  if (collection.range[0] !== start + lead.length || ((role === 'entries' || role === 'head') && indent !== '')) return false;
  if (role !== 'head') return true;
  const [pair] = collection.items as Pair[];
  const value = pair.value;
  return collection.items.length === 1 && isScalar(pair.key) && !pair.key.anchor && isScalar(value) && value.value === null && value.source === '' && !value.anchor && !value.tag;
}

/** A new collection holding the items of `parts` in order, with the range from the first's start to the last's end. */
function joined<T extends YAMLMap | YAMLSeq>(collection: T, parts: readonly (YAMLMap | YAMLSeq)[]): T {
  collection.items = parts.flatMap((part) => part.items) as T['items'];
  const last = parts[parts.length - 1].range!;
  collection.range = [parts[0].range![0], last[1], last[2]];
  return collection;
}

/** The chunk, with the ranges of all its nodes moved so that it starts at `start`. */
function moved(chunk: ReadChunk, start: number): ReadChunk {
  // A head holds the items of its parts as its value: they are chunks of their own, and move by themselves.
  if (chunk.role === 'head' && chunk.contents) (chunk.contents.items[0] as Pair).value = chunk.emptyValue;
  const delta = start - chunk.start;
  if (delta !== 0 && chunk.contents) shiftRanges(chunk.contents, delta);
  if (chunk.facts) chunk.facts = movedFacts(chunk.facts, delta);
  chunk.start = start;
  return chunk;
}

/** Adds `delta` to the range of every node under `root`, keys included; no recursion. */
function shiftRanges(root: Node, delta: number): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (!isNode(node)) continue;
    if (node.range) node.range = [node.range[0] + delta, node.range[1] + delta, node.range[2] + delta];
    if (isMap(node) || isSeq(node)) for (const item of node.items) stack.push(item);
  }
}
