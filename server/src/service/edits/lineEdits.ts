import { isScalar, type Node } from 'yaml';
import type { ParsedCard } from '../parsing/parsedCard';

/** A text edit as offsets into the card's text. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** `lines`, each indented by `indent` spaces. */
export function indentLines(lines: readonly string[], indent: number): string[] {
  return lines.map((line) => ' '.repeat(indent) + line);
}

/** The offset of the end of the line `offset` is on (before its line break). */
export function endOfLine(text: string, offset: number): number {
  const lineBreak = text.slice(offset).search(/\r?\n/);
  return lineBreak === -1 ? text.length : offset + lineBreak;
}

/**
 * Inserts `lines` as new lines after the line where the content before `offset` ends: a YAML
 * node's range runs on over trailing blank lines, which the new lines must not follow. A comment
 * at the end of that line stays on it.
 */
export function insertAfter(text: string, offset: number, lines: readonly string[], eol: string): OffsetEdit {
  let contentEnd = offset;
  while (contentEnd > 0 && /\s/.test(text[contentEnd - 1])) contentEnd--;
  const at = endOfLine(text, contentEnd);
  return { start: at, end: at, text: eol + lines.join(eol) };
}

/**
 * Gives an empty value (`key:`, `key: ~`, `key: null`) the block `lines` on the lines below its
 * key; a comment after the key stays on the key's line.
 */
export function replaceNullValue(text: string, value: Node, lines: readonly string[], eol: string): OffsetEdit {
  const [valueStart, valueEnd] = value.range!;
  let start = valueStart;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const end = endOfLine(text, valueStart);
  const comment = text.slice(valueEnd, end).trim();
  return { start, end, text: `${comment ? ` ${comment}` : ''}${eol}${lines.join(eol)}` };
}

/** The column a node starts at. */
export function nodeColumn(text: string, node: Node): number {
  const start = node.range![0];
  return start - (text.lastIndexOf('\n', start - 1) + 1);
}

/** An empty value (`key:`, `key: ~`, `key: null`) with a position. */
export function isNullScalar(node: Node | null | undefined): node is Node & { range: [number, number, number] } {
  return isScalar(node) && node.value === null && node.range !== undefined;
}

/** Why a command cannot edit the card as it stands (YAML errors, not a mapping, one flow mapping); undefined when it can. */
export function cardEditRefusal(card: ParsedCard, what: string): string | undefined {
  if (card.problems.some(({ kind }) => kind === 'syntax' || kind === 'duplicateKey' || kind === 'tabIndent')) {
    return 'The card has YAML errors: fix them first (see the Problems view).';
  }
  if (!card.root) return 'The card is not a mapping of keys yet: start it with `name:`.';
  if (card.root.flow) return `The card is written as one flow mapping ({...}): edit its ${what} by hand.`;
  return undefined;
}
