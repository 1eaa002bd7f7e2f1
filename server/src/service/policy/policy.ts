import type { Severity } from '../diagnostics/ruleTypes';

/**
 * An organisation's model-card policy (`.modelcard-policy.yaml`), as parsed data: what each risk
 * level must document, who must sign which section before which status, the values some fields
 * may take, custom fields, and the templates New Model Card offers. Plain data (settings carry it
 * to the rules and to lint's worker threads). parsePolicy.ts reads it; the rules MC080 to MC084 apply it.
 */
export interface Policy {
  /** The organisation, for messages ("required by Acme Health's policy"). */
  organisation?: string;
  /** The folder of the organisation's card templates, as written (relative to the policy file). */
  templates?: string;
  /** What each risk level asks for; `all` applies to every card. */
  riskLevels: Partial<Record<PolicyRiskLevel, RiskLevelPolicy>>;
  allowedValues: AllowedValues[];
  customFields: CustomField[];
  /** Roles that may sign each section at any risk level, beyond those its sign-off requirements name. */
  signOffRoles: Record<string, string[]>;
  /** Bounds of the slice-disparity rule (MC027), over its defaults. */
  disparity?: Partial<DisparityBounds>;
}

/** A card's `governance.risk_rating` (a card without one is `unknown`), or `all` for every card. */
export const policyRiskLevels = ['all', 'high', 'medium', 'low', 'unknown'] as const;
export type PolicyRiskLevel = (typeof policyRiskLevels)[number];

export interface RiskLevelPolicy {
  required: RequiredFields[];
  signOffs: SignOffRequirement[];
}

/** Every policy rule has an id (its key in the file): findings name it, and it may set its own severity. */
export interface PolicyRule {
  id: string;
  severity?: Severity;
}

/** Sections and fields (dotted paths) that must be written. */
export interface RequiredFields extends PolicyRule {
  fields: string[];
}

/** Who must sign `section` (one of `roles`) once the card's status reaches `before`. */
export interface SignOffRequirement extends PolicyRule {
  section: string;
  roles: string[];
  before: 'approved' | 'published';
}

/** The values `field` may take (each item, for a list). */
export interface AllowedValues extends PolicyRule {
  field: string;
  values: (string | number | boolean)[];
}

/** A field the organisation requires, optionally only at some risk levels, and the pattern its text must match. */
export interface CustomField extends PolicyRule {
  field: string;
  pattern?: string;
  riskLevels?: PolicyRiskLevel[];
  description?: string;
}

/** When slice results differ enough to need discussing (rule MC027). */
export interface DisparityBounds {
  /** Worst-to-best ratio under which a higher-is-better rate differs too much (the four-fifths rule). */
  minRatio: number;
  /** Absolute gap over which a rate differs too much (in the rate's scale: 0.1 is 10 points). */
  maxGap: number;
}

export const defaultDisparityBounds: DisparityBounds = { minRatio: 0.8, maxGap: 0.1 };

/** The file names looked for upward from a card, nearest first within a folder. */
export const policyFileNames = ['.modelcard-policy.yaml', '.modelcard-policy.yml'] as const;

/** "Acme Health's policy", or "the policy". */
export function policyName(policy: Policy): string {
  return policy.organisation ? `${policy.organisation}'s policy` : 'the policy';
}
