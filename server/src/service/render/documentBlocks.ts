import { escapeHtml } from './escapeHtml';
import { markdownToHtml, valueToHtml } from './html';
import { escapeCell, escapeInline, markdownTable, valueBlocks } from './renderMarkdown';

/**
 * The blocks the audience documents (regulatory, summary) are made of, written once and rendered
 * both as HTML (the preview, `render --format html`) and as Markdown (`render --format md`).
 * Text is plain unless the block says it is the card's own Markdown.
 */
export type Block =
  /** A heading; `line` (the card line it is about) lets the preview scroll to it and jump to the card. */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string; id?: string; line?: number }
  /** A paragraph of plain text; `strong` is a label before it. */
  | { kind: 'text'; text: string; strong?: string; className?: string }
  /** A card field's value: its text fields are Markdown, lists become bullets, mappings labelled entries. */
  | { kind: 'value'; value: unknown }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][]; className?: string; rowClasses?: (string | undefined)[] };

export function blocksToHtml(blocks: readonly Block[]): string {
  return blocks.map(blockHtml).join('\n');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading': {
      const attributes = `${block.id ? ` id="${escapeHtml(block.id)}"` : ''}${block.line !== undefined ? ` class="code-line" data-line="${block.line}"` : ''}`;
      return `<h${block.level}${attributes}>${escapeHtml(block.text)}</h${block.level}>`;
    }
    case 'text':
      return `<p${block.className ? ` class="${block.className}"` : ''}>${block.strong ? `<strong>${escapeHtml(block.strong)}</strong> ` : ''}${escapeHtml(block.text)}</p>`;
    case 'value':
      return typeof block.value === 'string' ? markdownToHtml(block.value) : valueToHtml(block.value);
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = block.head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('');
      const rows = block.rows.map((row, index) => {
        const rowClass = block.rowClasses?.[index];
        return `<tr${rowClass ? ` class="${rowClass}"` : ''}>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
      });
      return `<table${block.className ? ` class="${block.className}"` : ''}><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
    }
  }
}

export function blocksToMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(blockMarkdown).filter((text) => text !== '').join('\n\n')}\n`;
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeInline(block.text)}`;
    case 'text':
      return `${block.strong ? `**${escapeInline(block.strong)}** ` : ''}${escapeInline(block.text)}`;
    case 'value':
      return valueBlocks(block.value).filter((text) => text !== '').join('\n\n');
    case 'list':
      return block.items.map((item) => `- ${escapeInline(item)}`).join('\n');
    case 'table':
      return markdownTable(block.head.map(escapeCell), block.rows.map((row) => row.map(escapeCell)));
  }
}
