/** Line arithmetic on raw text, for edits that must land between lines (LF or CRLF alike). */

/** The offset of the start of the line that `offset` is on. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line break that ends the line `offset` is on, or the text's end. */
export function nextLineStart(text: string, offset: number): number {
  const lineBreak = text.indexOf('\n', offset);
  return lineBreak === -1 ? text.length : lineBreak + 1;
}

/** The line starting at `start`, without its line break. */
export function lineAt(text: string, start: number): string {
  return text.slice(start, nextLineStart(text, start)).replace(/\r?\n$/, '');
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
