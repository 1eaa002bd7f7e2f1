/**
 * How a card's text is cut into chunks that the YAML library can read one by one, so that an
 * edit re-reads only the chunks it touched. A chunk is a run of whole top-level entries
 * (`key: ...` at column 0); a large entry whose value is a block list or mapping is cut further,
 * into its head line and runs of its items or entries. Where chunks end depends only on the text
 * of the entries around them (a hash of each entry), so an edit moves no chunk boundary but its
 * own neighbours'.
 *
 * The cut is a guess made on the text alone: `chunkedParse` checks that each chunk reads as what
 * it should be, and reads the whole card at once when one does not.
 */

/** Text [start, end) of the card. */
export interface TextSpan {
  start: number;
  end: number;
}

export type ChunkPlanItem =
  /** One or more whole top-level entries. */
  | ({ kind: 'entries' } & TextSpan)
  /** A top-level entry cut into its head (`metrics:` and what precedes the first item) and runs of items (`- ...`) or entries (`key: ...`). */
  | { kind: 'split'; head: TextSpan; parts: TextSpan[]; collection: 'list' | 'mapping' };

/** A top-level entry this long or longer is cut into runs of its items. */
const splitAbove = 8_000;
/** About one entry in `groupEvery` ends a chunk; a chunk never holds more than `maxGroup` entries or `maxGroupLength` characters. */
const groupEvery = 8;
const maxGroup = 32;
const maxGroupLength = 16_000;

/** The chunks of `text`, in order, covering it from 0 to its end. */
export function chunkPlan(text: string): ChunkPlanItem[] {
  // The first entry takes what comes before it (comments, `---`) with it.
  const entries = spansFrom(0, topLevelEntryStarts(text).slice(1), text.length);
  const plan: ChunkPlanItem[] = [];
  let group: TextSpan[] = [];
  const flush = () => {
    if (group.length > 0) plan.push({ kind: 'entries', start: group[0].start, end: group[group.length - 1].end });
    group = [];
  };
  for (const [index, entry] of entries.entries()) {
    const split = index > 0 && entry.end - entry.start >= splitAbove ? splitEntry(text, entry) : undefined;
    if (split) {
      flush();
      plan.push(split);
      continue;
    }
    group.push(entry);
    if (endsGroup(text, group)) flush();
  }
  flush();
  return plan;
}

function endsGroup(text: string, group: TextSpan[]): boolean {
  const last = group[group.length - 1];
  return hash(text, last) % groupEvery === 0 || group.length >= maxGroup || last.end - group[0].start >= maxGroupLength;
}

/** Spans from each start to the next one; the first from `from`, the last to `to`. */
function spansFrom(from: number, starts: number[], to: number): TextSpan[] {
  const bounds = [from, ...starts.filter((start) => start > from), to];
  return bounds.slice(0, -1).map((start, index) => ({ start, end: bounds[index + 1] }));
}

/** The offsets of the lines that start a top-level entry: a key at column 0 followed by `:`. */
function topLevelEntryStarts(text: string): number[] {
  const starts: number[] = [];
  for (let start = 0; start < text.length; start = nextLine(text, start)) {
    if (isKeyLine(text, start, 0)) starts.push(start);
  }
  return starts;
}

/**
 * The entry cut into its head and runs of its items, when its value is a block list (`- `) or
 * mapping (`key:`) whose items all start at one column; undefined otherwise.
 */
function splitEntry(text: string, entry: TextSpan): ChunkPlanItem | undefined {
  // Only a key with nothing after it but a comment (`metrics:`) can own a block collection below.
  if (!/^[^#]*?:[ \t]*(?:#.*)?$/.test(text.slice(entry.start, lineEnd(text, entry.start)))) return undefined;
  const firstLine = nextLine(text, entry.start);
  let column: number | undefined;
  let collection: 'list' | 'mapping' | undefined;
  const itemStarts: number[] = [];
  for (let start = firstLine; start < entry.end; start = nextLine(text, start)) {
    const indent = indentation(text, start);
    const content = text.charCodeAt(start + indent);
    if (isBlankOrComment(content)) continue;
    if (column === undefined) {
      column = indent;
      collection = isItemStart(text, start + indent) ? 'list' : 'mapping';
    }
    if (indent < column) return undefined;
    if (indent === column) {
      if (!(collection === 'list' ? isItemStart(text, start + indent) : isKeyLine(text, start, column))) return undefined;
      itemStarts.push(start);
    }
  }
  if (!collection || itemStarts.length < 2) return undefined;
  const items = spansFrom(itemStarts[0], itemStarts, entry.end);
  const parts: TextSpan[] = [];
  let group: TextSpan[] = [];
  for (const item of items) {
    group.push(item);
    if (endsGroup(text, group)) {
      parts.push({ start: group[0].start, end: item.end });
      group = [];
    }
  }
  if (group.length > 0) parts.push({ start: group[0].start, end: group[group.length - 1].end });
  return { kind: 'split', head: { start: entry.start, end: itemStarts[0] }, parts, collection };
}

/** Whether the line at `start` holds, at `column`, a plain or quoted key followed by `:` and a space or the end of the line. */
function isKeyLine(text: string, start: number, column: number): boolean {
  if (indentation(text, start) !== column) return false;
  const keyStart = start + column;
  const line = text.slice(keyStart, lineEnd(text, keyStart));
  if (/^["']/.test(line)) return /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?:[ \t]|$)/.test(line);
  // A plain key cannot start with an indicator (`-`, `?` and `:` only before a character that is not a space), nor be a document marker.
  if (!/^(?:[^\s#\-?:,[\]{}&*!|>'"%@`\ufeff]|[-?:]\S)/.test(line) || /^(?:---|\.\.\.)(?:\s|$)/.test(line)) return false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    const next = line[index + 1];
    if (char === ':' && (next === undefined || next === ' ' || next === '\t')) return true;
    if ((char === ' ' || char === '\t') && next === '#') return false;
  }
  return false;
}

/** Whether a block list item (`-` followed by a space or the end of the line) starts at `offset`. */
function isItemStart(text: string, offset: number): boolean {
  return text[offset] === '-' && (offset + 1 === text.length || /[ \t\n]/.test(text[offset + 1]));
}

function indentation(text: string, start: number): number {
  let end = start;
  while (text[end] === ' ') end++;
  return end - start;
}

function isBlankOrComment(code: number): boolean {
  // End of text, \n, \r or #.
  return Number.isNaN(code) || code === 10 || code === 13 || code === 35;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

function nextLine(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end + 1;
}

/** FNV-1a hash of the span's text. */
function hash(text: string, { start, end }: TextSpan): number {
  let value = 0x811c9dc5;
  for (let index = start; index < end; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return value >>> 0;
}
