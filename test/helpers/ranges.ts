import type { Position, Range } from 'vscode-languageserver-types';

/** The lines of `text` as LSP counts them (a line ends at \r\n, \r or \n), without their line breaks. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The LSP position of `offset` in `text`, counted here independently of the server's TextDocument. */
export function positionAt(text: string, offset: number): Position {
  const before = lspLines(text.slice(0, offset));
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/**
 * Every range, position pair or folding line found anywhere in `value` (a diagnostic list, a
 * hover, code actions, symbols ...) that does not lie inside `text`, described for an assertion
 * message. Lengths are in UTF-16 code units, as in LSP.
 */
export function rangesOutside(text: string, value: unknown): string[] {
  const lines = lspLines(text);
  const outside: string[] = [];
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    if (isRange(item)) {
      const problem = rangeProblem(lines, item);
      if (problem) outside.push(`${problem}: ${JSON.stringify(item)}`);
    } else if (isFoldingRange(item) && !(item.startLine <= item.endLine && item.endLine < lines.length)) {
      outside.push(`folding range outside ${lines.length} lines: ${JSON.stringify(item)}`);
    }
    for (const child of Object.values(item)) stack.push(child);
  }
  return outside;
}

function rangeProblem(lines: string[], { start, end }: Range): string | undefined {
  const startProblem = positionProblem(lines, start);
  const endProblem = positionProblem(lines, end);
  if (startProblem || endProblem) return startProblem ?? endProblem;
  const ordered = start.line < end.line || (start.line === end.line && start.character <= end.character);
  return ordered ? undefined : 'start after end';
}

function positionProblem(lines: string[], { line, character }: Position): string | undefined {
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return 'not a position';
  if (line >= lines.length) return `line ${line} past the last line (${lines.length - 1})`;
  if (character > lines[line].length) return `character ${character} past the end of line ${line} (length ${lines[line].length})`;
  return undefined;
}

function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}

function isRange(value: object): value is Range {
  return isPosition((value as Range).start) && isPosition((value as Range).end);
}

function isFoldingRange(value: object): value is { startLine: number; endLine: number } {
  const { startLine, endLine } = value as { startLine?: unknown; endLine?: unknown };
  return typeof startLine === 'number' && typeof endLine === 'number';
}
