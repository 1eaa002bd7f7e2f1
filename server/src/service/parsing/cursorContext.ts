import { lineAt, lineStart, previousLineStart } from '../text/lines';
import { maxNestingDepth } from './boundedParse';
import type { CardPath } from './yamlNodes';

/** What the cursor is on, for completion: read from the text, so it works while the YAML is half typed. */
export type CursorContext =
  | { kind: 'emptyDocument' }
  /**
   * A key of the mapping at `parentPath` is being typed (`prefix`). When the line is a list item
   * (`- pre|`), `itemPath` is the item's path: if the list holds scalars, the item is a value.
   */
  | { kind: 'key'; parentPath: CardPath; prefix: string; replaceStart: number; itemPath?: CardPath; flowKeys?: string[] }
  /** The value at `path` is being typed (`prefix`). */
  | { kind: 'value'; path: CardPath; prefix: string; replaceStart: number }
  | { kind: 'none' };

interface LineShape {
  /** Columns of the `- ` markers at the start of the line. */
  dashColumns: number[];
  /** Column where the line's content (after indentation and dashes) starts. */
  contentColumn: number;
  key?: string;
  /** Text after `key:` (trimmed), when there is a key. */
  inlineValue?: string;
}

/** Plain-key pattern: a key followed by `:` and a space or the end of the line. */
const keyPattern = /^([^\s#'"{}[\],:][^#{}[\],:]*?|'[^']*'|"[^"]*")\s*:(?=\s|$)\s*(.*)$/;

export function cursorContext(text: string, offset: number): CursorContext {
  if (!/^\s*[^\s#]/m.test(text)) return { kind: 'emptyDocument' };
  const start = lineStart(text, offset);
  const prefix = text.slice(start, offset);
  if (/(^|\s)#/.test(prefix)) return { kind: 'none' };
  const shape = lineShape(prefix);
  const itemPathOf = (parent: CardPath) => withItems(parent, text, start, shape.dashColumns);

  const keyMatch = keyPattern.exec(prefix.slice(shape.contentColumn));
  if (keyMatch) {
    const parent = ancestorPath(text, start, shape.dashColumns[0] ?? shape.contentColumn);
    if (!parent) return { kind: 'none' };
    const path = [...itemPathOf(parent), unquote(keyMatch[1].trim())];
    return valueContext(path, keyMatch[2], offset);
  }
  if (/[:{}[\]'"]/.test(prefix.slice(shape.contentColumn))) return { kind: 'none' };
  const parent = ancestorPath(text, start, shape.dashColumns[0] ?? shape.contentColumn);
  if (!parent) return { kind: 'none' };
  const word = prefix.slice(shape.contentColumn);
  const itemPath = shape.dashColumns.length > 0 ? itemPathOf(parent) : undefined;
  return { kind: 'key', parentPath: itemPath ?? parent, prefix: word, replaceStart: offset - word.length, itemPath };
}

/** The context after `key:` on the current line: a plain value, or a position inside a flow collection. */
function valueContext(path: CardPath, valueText: string, offset: number): CursorContext {
  if (/^[|>]/.test(valueText) || /^(&|\*|!)/.test(valueText)) return { kind: 'none' };
  if (/^[[{]/.test(valueText)) return flowContext(path, valueText, offset);
  const prefix = valueText.replace(/^['"]/, '');
  return { kind: 'value', path, prefix, replaceStart: offset - valueText.length };
}

interface FlowFrame {
  open: '[' | '{';
  path: CardPath;
  /** Items already written in a `[` frame. */
  index: number;
  /** Keys already written in a `{` frame. */
  keys: string[];
  /** Text since the last `{`, `[` or `,`. */
  current: string;
  currentStart: number;
}

/** Walks a flow collection (`{a: 1, b|` or `[en, f|`) to the innermost open frame. */
function flowContext(basePath: CardPath, valueText: string, offset: number): CursorContext {
  const textStart = offset - valueText.length;
  const frames: FlowFrame[] = [];
  let quote: string | undefined;
  for (let index = 0; index < valueText.length; index++) {
    const char = valueText[index];
    const frame = frames[frames.length - 1];
    if (quote) {
      if (char === quote) quote = undefined;
      if (frame) frame.current += char;
      continue;
    }
    if (char === '[' || char === '{') {
      // Deeper than a card may nest, there is nothing to complete (and copying paths would grow with the square of the depth).
      if (frames.length >= maxNestingDepth) return { kind: 'none' };
      const path = frame ? childPath(frame) : basePath;
      frames.push({ open: char, path, index: 0, keys: [], current: '', currentStart: textStart + index + 1 });
    } else if (char === ']' || char === '}') {
      frames.pop();
      if (frames.length === 0) return { kind: 'none' };
    } else if (char === ',' && frame) {
      if (frame.open === '[') frame.index++;
      else frame.keys.push(flowKey(frame.current));
      frame.current = '';
      frame.currentStart = textStart + index + 1;
    } else if (frame) {
      if (char === "'" || char === '"') quote = char;
      frame.current += char;
    }
  }
  const frame = frames[frames.length - 1];
  if (!frame) return { kind: 'none' };
  const typed = frame.current.trimStart();
  const replaceStart = offset - typed.length;
  if (frame.open === '[') return { kind: 'value', path: [...frame.path, frame.index], prefix: typed.replace(/^['"]/, ''), replaceStart };
  const pair = /^([^:]*?)\s*:\s+(.*)$/.exec(typed);
  if (pair) return { kind: 'value', path: [...frame.path, unquote(pair[1])], prefix: pair[2].replace(/^['"]/, ''), replaceStart: offset - pair[2].length };
  return { kind: 'key', parentPath: frame.path, prefix: typed, replaceStart, flowKeys: frame.keys };
}

function childPath(frame: FlowFrame): CardPath {
  return frame.open === '[' ? [...frame.path, frame.index] : [...frame.path, flowKey(frame.current)];
}

function flowKey(entry: string): string {
  return unquote(entry.split(':')[0].trim());
}

function unquote(key: string): string {
  return /^(['"]).*\1$/.test(key) ? key.slice(1, -1) : key;
}

function lineShape(line: string): LineShape {
  const dashColumns: number[] = [];
  let column = line.length - line.trimStart().length;
  const dash = /-(?:\s+|$)/y;
  for (dash.lastIndex = column; column < line.length && dash.test(line); dash.lastIndex = column) {
    dashColumns.push(column);
    column = dash.lastIndex;
  }
  const content = line.slice(column).replace(/\r$/, '');
  const keyMatch = keyPattern.exec(content);
  return {
    dashColumns,
    contentColumn: column,
    key: keyMatch ? unquote(keyMatch[1].trim()) : undefined,
    inlineValue: keyMatch ? keyMatch[2].replace(/\s+#.*$/, '').trim() : undefined,
  };
}

/** Adds the list-item indexes for the `- ` markers of the current line to `parent`. */
function withItems(parent: CardPath, text: string, lineStart: number, dashColumns: number[]): CardPath {
  return [...parent, ...dashColumns.map((column) => itemsAbove(text, lineStart, column).count)];
}

/**
 * The path of the mapping or list that owns content at `column` on the line starting at
 * `lineStart`, found by walking up the lines with less indentation. Undefined when the content
 * cannot be there (under a scalar) or sits in a block scalar.
 */
function ancestorPath(text: string, lineStart: number, column: number): CardPath | undefined {
  const path: (string | number)[] = [];
  let threshold = column;
  let position = lineStart;
  while (threshold > 0 && position > 0) {
    position = previousLineStart(text, position);
    // Most lines above sit deeper than what we look for (the siblings of a long mapping or list): skip them unread.
    if (isBlankOrIndentedPast(text, position, threshold)) continue;
    const shape = lineShape(lineAt(text, position));
    const itemColumn = [...shape.dashColumns].reverse().find((dash) => dash < threshold);
    const keyColumn = shape.contentColumn;
    if (keyColumn >= threshold && itemColumn === undefined) continue;
    if (keyColumn < threshold && shape.key !== undefined) {
      if (shape.inlineValue !== '' && !/^[[{]/.test(shape.inlineValue ?? '')) return undefined;
      path.unshift(shape.key);
      threshold = keyColumn;
    }
    // This line starts the list item that holds what we have so far.
    const dashes = shape.dashColumns.filter((dash) => dash < threshold);
    for (const dash of dashes.reverse()) {
      const { count, start } = itemsAbove(text, position, dash);
      path.unshift(count);
      position = start;
      threshold = dash;
    }
    if (keyColumn < threshold && shape.key === undefined && dashes.length === 0) return undefined;
  }
  return path;
}

/**
 * How many list items start at `column` above the line at `lineStart`, within the same list,
 * and where the list's owner line starts (the first line above with less indentation). Reads only
 * the indentation of each line: a list can be thousands of lines long.
 */
function itemsAbove(text: string, lineStart: number, column: number): { count: number; start: number } {
  let count = 0;
  let position = lineStart;
  while (position > 0) {
    const start = previousLineStart(text, position);
    const indentation = indentationAt(text, start);
    if (!isBlankOrCommentFrom(text, start + indentation)) {
      if (indentation < column) return { count, start: position };
      if (indentation === column && isDash(text, start + indentation)) count++;
    }
    position = start;
  }
  return { count, start: 0 };
}

/** How many whitespace characters (spaces or tabs, one column each) start the line at `start`. */
function indentationAt(text: string, start: number): number {
  let end = start;
  while (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9) end++;
  return end - start;
}

/** Whether the rest of the line from `offset` (where its content starts) is nothing or a comment. */
function isBlankOrCommentFrom(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return offset >= text.length || code === 10 || code === 13 || code === 35;
}

/** Whether a `- ` list marker (a dash before whitespace or the end of the line) is at `offset`. */
function isDash(text: string, offset: number): boolean {
  if (text.charCodeAt(offset) !== 45) return false;
  const next = text.charCodeAt(offset + 1);
  return offset + 1 >= text.length || next === 32 || next === 9 || next === 10 || next === 13;
}

/** Whether the line at `start` is blank, a comment, or holds nothing left of `column`; read without slicing it. */
function isBlankOrIndentedPast(text: string, start: number, column: number): boolean {
  const indentation = indentationAt(text, start);
  return indentation >= column || isBlankOrCommentFrom(text, start + indentation);
}
