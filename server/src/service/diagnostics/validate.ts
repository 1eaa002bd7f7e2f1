import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { ModelCardSettings, SeveritySetting } from '../../protocol';
import type { ParsedCard } from '../parsing/parsedCard';
import type { TrackerValues } from '../trackers/boundValues';
import type { DocumentKind } from '../kinds/documentKind';
import { checkRule } from './incrementalFindings';
import { byCode, readmeRules, sharedRules, summaryRules } from './rules';
import type { DiagnosticData, Finding, FindingFix, FixData, OneFix, Rule, RuleContext, SummaryRule } from './ruleTypes';
import type { OffsetEdit } from '../edits/lineEdits';
import { finish, type Steps } from '../steps';

export const diagnosticSource = 'modelcard';

const lspSeverity: Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * All diagnostics of a parsed card, by the rules of its kind, with the user's severity overrides
 * applied, in text order. With `trackerValues` (read by the caller from the bound runs), bound
 * results are verified too.
 */
export function validateCard(card: ParsedCard, settings: ModelCardSettings, trackerValues?: TrackerValues): Diagnostic[] {
  return finish(validateCardSteps(card, settings, trackerValues));
}

/** validateCard in steps: one rule per step. */
export function* validateCardSteps(card: ParsedCard, settings: ModelCardSettings, trackerValues?: TrackerValues): Steps<Diagnostic[]> {
  const context: RuleContext = { card, settings, ...(trackerValues ? { trackerValues } : {}) };
  const diagnostics: Diagnostic[] = [];
  // One push per diagnostic: spreading 100,000 of them into push() overflows the call stack.
  for (const rule of kindRules(card.kind)) {
    for (const diagnostic of diagnosticsOf(rule, context, () => checkRule(rule, context))) diagnostics.push(diagnostic);
    yield;
  }
  const errorCount = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
  for (const rule of summaryRules) {
    for (const diagnostic of diagnosticsOf(rule, context, () => rule.check(context, errorCount))) diagnostics.push(diagnostic);
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const rulesByKind = new WeakMap<DocumentKind, readonly Rule[]>();

/** The rules a kind's documents are checked by: the shared ones and its own, in code order. */
export function kindRules(kind: DocumentKind): readonly Rule[] {
  let rules = rulesByKind.get(kind);
  if (!rules) {
    rules = [...sharedRules, ...kind.rules].sort(byCode);
    rulesByKind.set(kind, rules);
  }
  return rules;
}

/** The Hub's metadata checks of a Hugging Face README.md: `metadata` is its metadata block, with offsets into the README. */
export function validateReadme(metadata: ParsedCard, hasMetadata: boolean, settings: ModelCardSettings): Diagnostic[] {
  const context: RuleContext = { card: metadata, settings, readme: { hasMetadata } };
  const diagnostics = readmeRules.flatMap((rule) => diagnosticsOf(rule, context, () => rule.check(context)));
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function effectiveSeverity(rule: Pick<Rule, 'code' | 'name' | 'defaultSeverity'>, settings: ModelCardSettings): SeveritySetting {
  return settings.rules[rule.code] ?? settings.rules[rule.name] ?? rule.defaultSeverity;
}

function diagnosticsOf(rule: Rule | SummaryRule, context: RuleContext, check: () => Finding[]): Diagnostic[] {
  const chosen = context.settings.rules[rule.code] ?? context.settings.rules[rule.name];
  if (chosen === 'off') return [];
  let findings: Finding[];
  try {
    findings = check();
  } catch (error) {
    // A rule's bug must not take the other rules or the server down; say so where it is seen.
    findings = [{ start: 0, end: 0, message: `Model Card Studio could not run rule ${rule.code} (${rule.name}): ${String(error)}. Please report this.` }];
  }
  return findings.map((finding) => toDiagnostic(context.card, rule, lspSeverity[chosen ?? finding.severity ?? rule.defaultSeverity], finding));
}

function toDiagnostic(card: ParsedCard, rule: Rule | SummaryRule, severity: DiagnosticSeverity, finding: Finding): Diagnostic {
  const length = card.text.length;
  const start = clamp(finding.start, 0, length);
  const end = withoutTrailingSpace(card.text, start, clamp(finding.end, start, length));
  return {
    range: { start: card.document.positionAt(start), end: card.document.positionAt(end) },
    severity,
    code: rule.code,
    source: diagnosticSource,
    message: finding.message,
    ...(finding.fix || finding.policyRule ? { data: diagnosticData(card, finding) } : {}),
  };
}

function diagnosticData(card: ParsedCard, { fix, policyRule }: Finding): DiagnosticData {
  return { ...(fix ? fixData(card, fix) : {}), ...(policyRule ? { policyRule } : {}) };
}

/** The id of the policy rule a diagnostic of ours reports on, if it is a policy finding. */
export function policyRuleOf(diagnostic: Diagnostic): string | undefined {
  const policyRule = (diagnostic.data as DiagnosticData | undefined)?.policyRule;
  return typeof policyRule === 'string' ? policyRule : undefined;
}

function fixData(card: ParsedCard, fix: FindingFix): FixData {
  if (fix.kind === 'choices') return { kind: 'choices', fixes: fix.fixes.map((choice) => oneFix(card, choice)) };
  return oneFix(card, fix);
}

function oneFix(card: ParsedCard, fix: OneFix<OffsetEdit>): OneFix<TextEdit> {
  if (fix.kind !== 'edits') return fix;
  const edits = fix.edits.map(({ start, end, text }) => ({ range: { start: card.document.positionAt(start), end: card.document.positionAt(end) }, newText: text }));
  return { ...fix, edits };
}

/** A block list or mapping's YAML range runs to the start of the next line; underline its text only. */
function withoutTrailingSpace(text: string, start: number, end: number): number {
  if (end === start || text[end - 1] !== '\n') return end;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(Number.isFinite(value) ? value : low, low), high);
}
