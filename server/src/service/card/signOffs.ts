import type { ParsedCard } from '../parsing/parsedCard';
import type { CardPath } from '../parsing/yamlNodes';
import { policyRiskLevels, type Policy, type PolicyRiskLevel, type SignOffRequirement } from '../policy/policy';
import { governanceStatus } from './cardData';
import { sectionDigest } from './sectionDigest';
import { isRecord } from './values';

/** One sign-off under `governance.sign_offs` (entries without a text `section` are left to the schema rules). */
export interface SignOff {
  /** Path of the entry (`governance.sign_offs[i]`). */
  path: CardPath;
  section: string;
  role?: string;
  name?: string;
  date?: string;
  digest?: string;
  comment?: string;
}

/** A sign-off is valid while its digest is the section's; stale once the section changed. */
export type SignOffState = 'valid' | 'stale';

export function signOffs(card: ParsedCard): SignOff[] {
  const governance = isRecord(card.value) ? card.value.governance : undefined;
  const list = isRecord(governance) ? governance.sign_offs : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index): SignOff[] => {
    if (!isRecord(entry) || typeof entry.section !== 'string') return [];
    const text = (key: string) => (typeof entry[key] === 'string' || typeof entry[key] === 'number' ? String(entry[key]) : undefined);
    return [{ path: ['governance', 'sign_offs', index], section: entry.section, role: text('role'), name: text('name'), date: text('date'), digest: text('digest'), comment: text('comment') }];
  });
}

/** Digests of the card's sections, each computed once per card. */
export class SectionDigests {
  private readonly digests = new Map<string, string>();

  constructor(private readonly card: ParsedCard) {}

  of(section: string): string {
    let digest = this.digests.get(section);
    if (digest === undefined) {
      digest = sectionDigest(this.card.value, section);
      this.digests.set(section, digest);
    }
    return digest;
  }

  stateOf(signOff: SignOff): SignOffState {
    return signOff.digest === this.of(signOff.section) ? 'valid' : 'stale';
  }
}

/** The card's `governance.risk_rating` as a policy level: a card without a valid one is `unknown`. */
export function riskLevel(card: ParsedCard): Exclude<PolicyRiskLevel, 'all'> {
  const governance = isRecord(card.value) ? card.value.governance : undefined;
  const rating = isRecord(governance) ? governance.risk_rating : undefined;
  return policyRiskLevels.includes(rating as PolicyRiskLevel) && rating !== 'all' ? (rating as Exclude<PolicyRiskLevel, 'all'>) : 'unknown';
}

/** The policy's rules for this card: those for every card, then those for its risk level. */
export function levelPolicies(policy: Policy, card: ParsedCard) {
  return [policy.riskLevels.all, policy.riskLevels[riskLevel(card)]].filter((level) => level !== undefined);
}

/** The sign-offs the policy asks of this card at its risk level, whatever its status. */
export function signOffRequirements(policy: Policy | undefined, card: ParsedCard): SignOffRequirement[] {
  return policy ? levelPolicies(policy, card).flatMap((level) => level.signOffs) : [];
}

const statusOrder = ['draft', 'in_review', 'approved', 'published'];

/** Whether the card's status has reached `status` (an archived card has left the workflow). */
export function statusReached(card: ParsedCard, status: 'approved' | 'published'): boolean {
  const current = governanceStatus(card);
  return current !== undefined && statusOrder.indexOf(current) >= statusOrder.indexOf(status);
}

/** The roles that may sign `section`: those its requirements and `sign_off_roles` name; undefined when the policy says nothing of it. */
export function allowedRoles(policy: Policy | undefined, card: ParsedCard, section: string): string[] | undefined {
  if (!policy) return undefined;
  const roles = [
    ...signOffRequirements(policy, card).filter((requirement) => requirement.section === section).flatMap((requirement) => requirement.roles),
    ...(policy.signOffRoles[section] ?? []),
  ];
  return roles.length > 0 ? [...new Set(roles)] : undefined;
}

/** Roles match whatever their case and spacing ("Data Science" signs for "data science"). */
export function sameRole(a: string, b: string): boolean {
  return normalizeRole(a) === normalizeRole(b);
}

function normalizeRole(role: string): string {
  return role.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** How a section stands: its sign-offs and their state, and the requirements no valid sign-off meets. */
export interface SectionSignOffs {
  section: string;
  signOffs: { signOff: SignOff; state: SignOffState }[];
  /** Requirements of the policy (at the card's risk level) that no valid sign-off by one of their roles meets. */
  unmet: SignOffRequirement[];
}

/** Every section that has a sign-off or that the policy asks one for, in the order first met. */
export function sectionSignOffs(card: ParsedCard, policy: Policy | undefined, digests = new SectionDigests(card)): Map<string, SectionSignOffs> {
  const sections = new Map<string, SectionSignOffs>();
  const entry = (section: string) => {
    let found = sections.get(section);
    if (!found) {
      found = { section, signOffs: [], unmet: [] };
      sections.set(section, found);
    }
    return found;
  };
  for (const signOff of signOffs(card)) entry(signOff.section).signOffs.push({ signOff, state: digests.stateOf(signOff) });
  for (const requirement of signOffRequirements(policy, card)) {
    const section = entry(requirement.section);
    const met = section.signOffs.some(({ signOff, state }) => state === 'valid' && signOff.role !== undefined && requirement.roles.some((role) => sameRole(role, signOff.role!)));
    if (!met) section.unmet.push(requirement);
  }
  return sections;
}

/** "A. Rivera (data science)". */
export function signerText(signOff: SignOff): string {
  return `${signOff.name ?? 'someone'}${signOff.role ? ` (${signOff.role})` : ''}`;
}
