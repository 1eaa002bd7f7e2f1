import type { CodeLens } from 'vscode-languageserver-types';
import { sectionSignOffs, signerText, type SectionSignOffs } from '../card/signOffs';
import { sectionPath } from '../card/sectionDigest';
import type { ParsedCard } from '../parsing/parsedCard';
import { keySpanAt } from '../parsing/yamlNodes';
import { toRange } from '../parsing/nodeSpans';
import type { Policy } from '../policy/policy';
import { listText } from '../text/listText';

/** The command the lenses run: Sign Off Section…, with the card's URI and the section. */
export const signOffCommand = 'modelcard.signOffSection';
/** The title of the lens that signs a section off (the others say how it stands). */
export const signOffActionTitle = 'Sign off…';

/**
 * A code lens above each section of the card (and each key inside one that is signed or must be):
 * who signed it and whether that still holds, what the policy still asks, and "Sign off…". Each
 * runs Sign Off Section… for its section.
 */
export function signOffLenses(card: ParsedCard, policy: Policy | undefined): CodeLens[] {
  if (!card.root) return [];
  const states = sectionSignOffs(card, policy);
  const signable = signableSections(card);
  const topLevel = card.root.items.flatMap((pair) => {
    const key = (pair.key as { value?: unknown } | null)?.value;
    return typeof key === 'string' && signable.includes(key) ? [key] : [];
  });
  const sections = [...new Set([...topLevel, ...states.keys()])];
  return sections.flatMap((section) => {
    const span = keySpanAt(card, sectionPath(section));
    if (!span) return [];
    const range = toRange(card, [span[0], span[0]]);
    const command = (title: string) => ({ range, command: { title, command: signOffCommand, arguments: [card.document.uri, section] } });
    return [...lensTitles(states.get(section)).map(command), command(signOffActionTitle)];
  });
}

/** The top-level sections of the card's kind a sign-off may cover whole (governance holds the sign-offs: its fields are signed one by one). */
function signableSections(card: ParsedCard): string[] {
  return card.kind.layout.sections.map((section) => section.key).filter((key) => key !== 'governance');
}

function lensTitles(state: SectionSignOffs | undefined): string[] {
  if (!state) return [];
  return [
    ...state.signOffs.map(({ signOff, state: validity }) => `${validity === 'valid' ? '✓ Signed off' : '⚠ Stale sign-off'} by ${signerText(signOff)}${signOff.date ? `, ${signOff.date}` : ''}`),
    ...state.unmet.map((requirement) => `○ Sign-off needed from ${listText(requirement.roles)} before ${requirement.before}`),
  ];
}

/** Hover text for a section's sign-offs: each with whether it still holds, and what the policy still asks. */
export function signOffHover(card: ParsedCard, policy: Policy | undefined, section: string): string | undefined {
  const state = sectionSignOffs(card, policy).get(section);
  if (!state) return undefined;
  const lines = [
    ...state.signOffs.map(({ signOff, state: validity }) =>
      validity === 'valid'
        ? `- ✓ **${signerText(signOff)}** signed it${signOff.date ? ` on ${signOff.date}` : ''}: it still holds (the section is as signed).`
        : `- ⚠ **${signerText(signOff)}** signed it${signOff.date ? ` on ${signOff.date}` : ''}: **stale**, the section changed since.`,
    ),
    ...state.unmet.map((requirement) => `- ○ Needs a sign-off by ${listText(requirement.roles)} before the card is ${requirement.before} (policy rule \`${requirement.id}\`).`),
  ];
  return [`**Sign-offs of \`${section}\`**`, lines.join('\n')].join('\n\n');
}
