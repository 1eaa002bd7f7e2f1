import MarkdownIt, { type RendererRule } from 'markdown-it';
import type { CardPath } from '../parsing/yamlNodes';
import { mermaidBlock, mermaidFigure } from './diagram/mermaidBlock';
import { escapeHtml } from './escapeHtml';
import type { SourceLines } from './sourceLines';

/** Markdown for the card's text fields: no raw HTML, no images (no remote content), safe links only; ```mermaid blocks drawn. */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false }).disable('image');
drawMermaidBlocks();
stampBlockLines();

/** Where a rendered value sits in the card, so that its entries carry the line they start on. */
export interface ValueSource {
  lines: SourceLines;
  path: CardPath;
}

/**
 * Markdown text as HTML; markdown-it escapes any HTML in it and refuses javascript: links. Given
 * the card line the text starts on, its blocks carry their own lines (`class="code-line" data-line`).
 */
export function markdownToHtml(text: string, firstLine?: number): string {
  return markdown.render(text, { firstLine });
}

/** One line of Markdown text as inline HTML (no paragraph). */
export function markdownInline(text: string): string {
  return markdown.renderInline(text);
}

/** A value as HTML: text through Markdown, lists as bullets, other values as plain text. */
export function valueToHtml(value: unknown, source?: ValueSource): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return markdownToHtml(value, source?.lines.textStartLine(source.path));
  if (Array.isArray(value)) return `<ul>${value.map((item, index) => `<li${lineAttributes(source, index)}>${inlineValue(item, childSource(source, index))}</li>`).join('')}</ul>`;
  if (typeof value === 'object') return definitionList(Object.entries(value).filter(([key]) => !key.startsWith('x-')), source);
  return `<p>${escapeHtml(String(value))}</p>`;
}

function inlineValue(value: unknown, source: ValueSource | undefined): string {
  if (typeof value === 'string') return markdown.renderInline(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) return valueToHtml(value, source);
  return escapeHtml(String(value));
}

/** Entries as a definition list, each term labelled by `label` and stamped with its key's line. */
export function definitionList(entries: [string, unknown][], source?: ValueSource, label: (key: string) => string = humanize): string {
  const rows = entries.map(([key, value]) => `<dt${lineAttributes(source, key)}>${escapeHtml(label(key))}</dt><dd>${valueToHtml(value, childSource(source, key))}</dd>`);
  return `<dl>${rows.join('')}</dl>`;
}

/** ` class="code-line" data-line="N"` for the entry `segment` below `source`, when its line is known. */
export function lineAttributes(source: ValueSource | undefined, segment: string | number): string {
  const line = source?.lines.entryLine([...source.path, segment]);
  return line === undefined ? '' : ` class="code-line" data-line="${line}"`;
}

function childSource(source: ValueSource | undefined, segment: string | number): ValueSource | undefined {
  return source && { lines: source.lines, path: [...source.path, segment] };
}

/** `out_of_scope` → "Out of scope". */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A fenced block whose language is `mermaid` is drawn as a diagram (diagram/mermaidBlock.ts). */
function drawMermaidBlocks(): void {
  const { rules } = markdown.renderer;
  const fence = rules.fence!;
  rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index];
    if (token.info.trim().split(/\s+/)[0] !== 'mermaid') return fence(tokens, index, options, env, self);
    const line = token.attrGet('data-line');
    return mermaidFigure(mermaidBlock(token.content), token.content, line === null ? undefined : String(line));
  };
}

/** Block elements of Markdown rendered with a known first line get `class="code-line" data-line` (as VS Code's Markdown preview does). */
function stampBlockLines(): void {
  const { rules } = markdown.renderer;
  for (const rule of ['paragraph_open', 'heading_open', 'list_item_open', 'blockquote_open', 'table_open', 'code_block', 'fence', 'hr']) {
    const render: RendererRule = rules[rule] ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
    rules[rule] = (tokens, index, options, env, self) => {
      const token = tokens[index];
      const firstLine = (env as { firstLine?: number } | undefined)?.firstLine;
      if (token.map && firstLine !== undefined) {
        token.attrJoin('class', 'code-line');
        token.attrSet('data-line', String(firstLine + token.map[0]));
      }
      return render(tokens, index, options, env, self);
    };
  }
}
