import MarkdownIt from 'markdown-it';

/** Markdown for the card's text fields: no raw HTML, no images (no remote content), safe links only. */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false }).disable('image');

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Markdown text as HTML; markdown-it escapes any HTML in it and refuses javascript: links. */
export function markdownToHtml(text: string): string {
  return markdown.render(text);
}

/** A value as HTML: text through Markdown, lists as bullets, other values as plain text. */
export function valueToHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return markdownToHtml(value);
  if (Array.isArray(value)) return `<ul>${value.map((item) => `<li>${inlineValue(item)}</li>`).join('')}</ul>`;
  if (typeof value === 'object') return definitionList(value as Record<string, unknown>);
  return `<p>${escapeHtml(String(value))}</p>`;
}

function inlineValue(value: unknown): string {
  if (typeof value === 'string') return markdown.renderInline(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) return definitionList(value as Record<string, unknown>);
  return escapeHtml(String(value));
}

export function definitionList(entries: Record<string, unknown>): string {
  const rows = Object.entries(entries)
    .filter(([key]) => !key.startsWith('x-'))
    .map(([key, value]) => `<dt>${escapeHtml(humanize(key))}</dt><dd>${valueToHtml(value)}</dd>`)
    .join('');
  return `<dl>${rows}</dl>`;
}

/** `out_of_scope` → "Out of scope". */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
