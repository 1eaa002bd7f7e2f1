import { sectionSignOffs, signerText, type SectionSignOffs } from '../card/signOffs';
import type { ParsedCard } from '../parsing/parsedCard';
import type { Policy } from '../policy/policy';
import { listText } from '../text/listText';
import { escapeHtml } from './escapeHtml';

/** A sign-off badge: a valid or stale sign-off, or one the policy asks for that no valid sign-off gives. */
export interface SignOffBadge {
  state: 'valid' | 'stale' | 'missing';
  /** The section signed, as the sign-off names it (`intended_use`, `intended_use.out_of_scope`). */
  section: string;
  text: string;
}

/** The mark before each badge's text, so its state reads without colour (and on paper). */
export const signOffSymbols: Record<SignOffBadge['state'], string> = { valid: '✓', stale: '⚠', missing: '○' };

/** The badges of each top-level section: its own sign-offs and those of the keys inside it. */
export function signOffBadges(card: ParsedCard, policy: Policy | undefined): Map<string, SignOffBadge[]> {
  const bySection = new Map<string, SignOffBadge[]>();
  for (const entry of sectionSignOffs(card, policy).values()) {
    const topLevel = entry.section.split('.')[0];
    bySection.set(topLevel, [...(bySection.get(topLevel) ?? []), ...badgesOf(entry)]);
  }
  return bySection;
}

function badgesOf({ section, signOffs, unmet }: SectionSignOffs): SignOffBadge[] {
  const of = section.includes('.') ? ` (${section})` : '';
  return [
    ...signOffs.map(({ signOff, state }): SignOffBadge => ({
      state,
      section,
      text: state === 'valid' ? `Signed off by ${signerText(signOff)}${signOff.date ? `, ${signOff.date}` : ''}${of}` : `Stale sign-off by ${signerText(signOff)}${signOff.date ? `, ${signOff.date}` : ''}: changed since${of}`,
    })),
    ...unmet.map((requirement): SignOffBadge => ({ state: 'missing', section, text: `Sign-off needed from ${listText(requirement.roles)} before ${requirement.before}${of}` })),
  ];
}

/** The badges as a line of the page (nothing when there are none). */
export function signOffBadgesHtml(badges: readonly SignOffBadge[] | undefined): string {
  if (!badges || badges.length === 0) return '';
  const spans = badges.map(({ state, section, text }) => `<span class="signoff signoff-${state}" data-signoff="${state}" data-section="${escapeHtml(section)}">${signOffSymbols[state]} ${escapeHtml(text)}</span>`);
  return `<p class="signoffs">${spans.join('')}</p>`;
}
