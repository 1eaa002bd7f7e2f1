import type { ParsedCard } from '../parsing/parsedCard';

export interface CardLayout {
  /** Spaces per indentation level. */
  indentSize: number;
  /** Whether list items are indented under their key (`key:\n  - item`) or not (`key:\n- item`). */
  indentSequences: boolean;
  /** The card's line ending. */
  eol: '\n' | '\r\n';
}

const layouts = new WeakMap<ParsedCard, CardLayout>();

/** How the card is laid out, so inserted text looks like the user's own (2-space, indented lists, LF by default). */
export function cardLayout(card: ParsedCard): CardLayout {
  let layout = layouts.get(card);
  if (!layout) {
    layout = detectLayout(card.text);
    layouts.set(card, layout);
  }
  return layout;
}

function detectLayout(text: string): CardLayout {
  const lines = text.split('\n', 2000);
  let indentSize: number | undefined;
  let indentSequences: boolean | undefined;
  for (let index = 0; index + 1 < lines.length && (indentSize === undefined || indentSequences === undefined); index++) {
    const parent = /^( *)(?:- +)?[^\s#-][^#]*:\s*(#.*)?\r?$/.exec(lines[index]);
    const child = /^( *)(-?)\s*\S/.exec(lines[index + 1]);
    if (!parent || !child) continue;
    const depth = child[1].length - parent[1].length;
    if (child[2] === '-' && indentSequences === undefined && depth >= 0) indentSequences = depth > 0;
    if (child[2] !== '-' && indentSize === undefined && depth > 0) indentSize = depth;
  }
  return { indentSize: indentSize ?? 2, indentSequences: indentSequences ?? true, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}
