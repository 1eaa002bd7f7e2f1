import MarkdownIt from 'markdown-it';
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** A heading and the lines up to the next heading of any level, read from markdown-it's tokens. */
export interface MarkdownSection {
  /** The heading's text, without its `#` marks or emphasis. */
  heading: string;
  /** 1 for `#`, 2 for `##`... */
  level: number;
  /** The heading's line (0-based, in the Markdown given). */
  line: number;
  /** The section's own lines: [first, end), up to the next heading. */
  contentLines: [number, number];
  tables: MarkdownTable[];
}

export interface MarkdownTable {
  header: string[];
  rows: string[][];
  /** The table's lines [first, end). */
  lines: [number, number];
}

export interface MarkdownDocument {
  lines: string[];
  /** The text before the first heading, as a section with level 0 and no heading. */
  preamble: MarkdownSection;
  sections: MarkdownSection[];
}

const markdown = new MarkdownIt({ html: true });

/** The document's headings, sections and tables, by token (not by pattern), with their lines. */
export function readMarkdown(text: string): MarkdownDocument {
  const lines = text.split(/\r?\n|\r/);
  const tokens = markdown.parse(text, {});
  const preamble: MarkdownSection = { heading: '', level: 0, line: -1, contentLines: [0, lines.length], tables: [] };
  const sections: MarkdownSection[] = [];
  let current = preamble;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type === 'heading_open' && token.map) {
      current.contentLines[1] = token.map[0];
      current = { heading: inlineText(tokens[index + 1]), level: Number(token.tag.slice(1)), line: token.map[0], contentLines: [token.map[1], lines.length], tables: [] };
      sections.push(current);
    } else if (token.type === 'table_open' && token.map) {
      const { table, next } = readTable(tokens, index, token.map as [number, number]);
      current.tables.push(table);
      index = next;
    }
  }
  return { lines, preamble, sections };
}

function readTable(tokens: Token[], start: number, lines: [number, number]): { table: MarkdownTable; next: number } {
  const table: MarkdownTable = { header: [], rows: [], lines };
  let inHead = false;
  let row: string[] = [];
  let index = start + 1;
  for (; index < tokens.length && tokens[index].type !== 'table_close'; index++) {
    const { type } = tokens[index];
    if (type === 'thead_open' || type === 'thead_close') inHead = type === 'thead_open';
    else if (type === 'tr_open') row = [];
    else if (type === 'inline') row.push(inlineText(tokens[index]));
    else if (type === 'tr_close') {
      if (inHead) table.header = row;
      else table.rows.push(row);
    }
  }
  return { table, next: index };
}

/** The plain text of an inline token: its text and code, without emphasis, link targets or HTML. */
export function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content.trim() ?? '';
  return token.children
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : ''))
    .join('')
    .trim();
}

/** The lines [first, end) as text, without HTML comments (template notes) and blank lines around. */
export function linesText(lines: readonly string[], [first, end]: [number, number], skip: readonly [number, number][] = []): string {
  const kept = lines.slice(first, end).filter((_line, offset) => !skip.some(([from, to]) => first + offset >= from && first + offset < to));
  return kept.join('\n').replace(/<!--[\s\S]*?-->/g, '').replace(/\n{3,}/g, '\n\n').trim();
}
