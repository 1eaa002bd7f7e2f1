import { isAllowedLink } from '../../../server/src/service/render/linkPolicy';

/** Where a link clicked in the preview leads: a web page or e-mail for the system's opener, or a file beside the card for VS Code. */
export type LinkTarget = { kind: 'external'; uri: string } | { kind: 'file'; uri: string };

/**
 * The target of a link in the card at `cardUri`, or undefined for a link the link policy refuses
 * (the server renders none, but the page is not trusted to say so). Relative links resolve
 * against the card's own URI; a link to a heading of the page itself (`#...`) opens nothing.
 */
export function linkTarget(cardUri: string, href: string): LinkTarget | undefined {
  if (!isAllowedLink(href) || href.startsWith('#')) return undefined;
  if (/^(?:https?|mailto):/i.test(href.trim())) return { kind: 'external', uri: href.trim() };
  // A card with no folder (an untitled one) has nothing to resolve a relative path against.
  if (!URL.canParse(href, cardUri)) return undefined;
  const resolved = new URL(href, cardUri);
  resolved.hash = '';
  return { kind: 'file', uri: resolved.href };
}
