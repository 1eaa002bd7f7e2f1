import type { ModelCardSettings } from '../../protocol';
import type { OffsetEdit } from '../edits/lineEdits';
import type { ReusedSpan } from '../parsing/chunkedParse';
import { incrementalBasis, parseIdentity } from '../parsing/parseCard';
import type { Finding, FindingFix, OneFix, Rule, RuleContext } from './ruleTypes';

/** The findings of the local rules on one parse, kept for the parse of the next version. */
interface LocalFindings {
  settings: ModelCardSettings;
  byRule: Map<string, Finding[]>;
}

const findingsByParse = new WeakMap<object, LocalFindings>();

/**
 * The findings of `rule` on the context's card. A local rule's findings inside the text the parse
 * reused from the version before are that version's, moved; the rule itself runs only on the rest.
 * What the rule finds is kept for the next version.
 */
export function checkRule(rule: Rule, context: RuleContext): Finding[] {
  if (!rule.local) return rule.check(context);
  const findings = reusing(rule, context) ?? rule.check(context);
  const identity = parseIdentity(context.card);
  let kept = findingsByParse.get(identity);
  if (kept?.settings !== context.settings) {
    kept = { settings: context.settings, byRule: new Map() };
    findingsByParse.set(identity, kept);
  }
  kept.byRule.set(rule.code, findings);
  return findings;
}

function reusing(rule: Rule, context: RuleContext): Finding[] | undefined {
  const basis = incrementalBasis(context.card);
  const earlier = basis && findingsByParse.get(basis.earlier);
  const earlierFindings = earlier?.settings === context.settings ? earlier.byRule.get(rule.code) : undefined;
  if (!basis || !earlierFindings) return undefined;
  const newSpans = basis.reused.map(({ to, length }) => ({ start: to, length }));
  const oldSpans = basis.reused.map(({ from, length }) => ({ start: from, length }));
  const unchanged = (node: { range?: [number, number, number] | null }) => node.range != null && spanHolding(newSpans, node.range[0], node.range[2]) !== undefined;
  const fresh = rule.check({ ...context, unchanged }).filter((finding) => spanHolding(newSpans, finding.start, finding.end) === undefined);
  const carried = earlierFindings.flatMap((finding) => {
    const index = spanHolding(oldSpans, finding.start, finding.end);
    return index === undefined ? [] : [moved(finding, basis.reused[index])];
  });
  return [...carried, ...fresh].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The index of the span (sorted, apart) that holds [start, end), starting inside it. */
function spanHolding(spans: readonly { start: number; length: number }[], start: number, end: number): number | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (spans[middle].start <= start) low = middle + 1;
    else high = middle - 1;
  }
  const span = spans[high];
  return span && start < span.start + span.length && end <= span.start + span.length ? high : undefined;
}

function moved(finding: Finding, { from, to }: ReusedSpan): Finding {
  const delta = to - from;
  if (delta === 0) return finding;
  return { ...finding, start: finding.start + delta, end: finding.end + delta, ...(finding.fix ? { fix: movedFix(finding.fix, delta) } : {}) };
}

function movedFix(fix: FindingFix, delta: number): FindingFix {
  if (fix.kind === 'choices') return { kind: 'choices', fixes: fix.fixes.map((choice) => movedOneFix(choice, delta)) };
  return movedOneFix(fix, delta);
}

function movedOneFix(fix: OneFix<OffsetEdit>, delta: number): OneFix<OffsetEdit> {
  if (fix.kind !== 'edits') return fix;
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + delta, end: edit.end + delta })) };
}
