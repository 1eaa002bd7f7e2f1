/** Text as HTML text or attribute value: every character that could start markup or end a quoted attribute is a character reference. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
