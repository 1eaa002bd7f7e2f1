/** A URL scheme (`https:`, `data:`, `javascript:` ...) at the start of a link. */
const scheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Whether a card's Markdown may link to `href`: web pages (`http:`, `https:`), e-mail addresses
 * (`mailto:`) and paths relative to the card. Every other scheme (`data:`, `javascript:`,
 * `file:`, `command:` ...) is refused, and so is a protocol-relative `//host/x` (or `/\host`,
 * which browsers read the same way): it would leave the card's folder for any host.
 */
export function isAllowedLink(href: string): boolean {
  const link = href.trim();
  if (scheme.test(link)) return /^(?:https?|mailto):/i.test(link);
  return !/^[\\/]{2}/.test(link);
}
