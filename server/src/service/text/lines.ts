/**
 * Line arithmetic on raw text, for edits that must land between lines. A line ends at \n, \r\n
 * or a lone \r (old Mac files), as editors and LSP count lines.
 */

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** The offset of the start of the line that `offset` is on. */
export function lineStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
  return start;
}

/** The offset where the line break that ends the line `offset` is on starts, or the text's end. */
export function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return end;
}

/** The offset just after the line break that ends the line `offset` is on, or the text's end. */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEnd(text, offset);
  if (end === text.length) return end;
  return text.startsWith('\r\n', end) ? end + 2 : end + 1;
}

/** The start of the line before the one starting at `start` (which must not be the first line). */
export function previousLineStart(text: string, start: number): number {
  const breakStart = text.startsWith('\r\n', start - 2) ? start - 2 : start - 1;
  return lineStart(text, breakStart);
}

/** The line starting at `start`, without its line break. */
export function lineAt(text: string, start: number): string {
  return text.slice(start, lineEnd(text, start));
}

export function isBlankLine(line: string): boolean {
  return /^\s*$/.test(line);
}

/** The indentation of a comment-only line, or undefined when the line is not one. */
export function commentIndent(line: string): number | undefined {
  const comment = /^( *)#/.exec(line);
  return comment ? comment[1].length : undefined;
}

/** The end of `end` with the whitespace before it trimmed (never before `start`). */
export function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
