/** Small pieces of Markdown for exported cards. */

/** A table; cells have their pipes and line breaks escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(tableCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Text or a list of texts as Markdown: a list becomes bullets. */
export function textOrBullets(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== null && item !== undefined).map((item) => `- ${String(item).replace(/\r?\n/g, ' ')}`);
    return items.length > 0 ? items.join('\n') : undefined;
  }
  return undefined;
}

/** A heading and its text, or nothing when there is no text. */
export function section(level: number, heading: string, ...parts: (string | undefined)[]): string[] {
  const text = parts.filter((part): part is string => part !== undefined && part.trim() !== '');
  return text.length > 0 ? [`${'#'.repeat(level)} ${heading}`, ...text] : [];
}
