import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { OneFix } from '../diagnostics/ruleTypes';
import { fixChoices, fixEdits, hasFix } from '../edits/fixEdits';
import type { ParsedCard } from '../parsing/parsedCard';

/** The code action kind of "Fix all safe problems" (`source.fixAll.modelcard`): editors may run it on save. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.modelcard`;

/** A fix that fix-all applied. */
export interface AppliedFix {
  code: string;
  /** What the fix did (its title), e.g. "Quote as 'no'". */
  title: string;
  /** The finding it fixed. */
  message: string;
  /** Where, in the text the fix was applied to (0-based). */
  line: number;
}

export interface FixAllResult {
  /** The card's text with every safe fix applied. */
  text: string;
  fixes: AppliedFix[];
}

/** Passes of fix-all: a fix can reveal another (a renamed key whose value is then checked). */
const maxPasses = 10;

/** The fix `lint --fix` and fix-all may apply to the diagnostic: its first safe one (see `FixData`). */
export function safeFix(diagnostic: Diagnostic): OneFix<TextEdit> | undefined {
  return hasFix(diagnostic) ? fixChoices(diagnostic).find((fix) => fix.kind !== 'insertKey' && fix.safe === true) : undefined;
}

/**
 * The edits of every safe fix, without overlaps: of two fixes that touch the same text, the first
 * in the card wins (the other is found again on the fixed text).
 */
export function safeFixes(card: ParsedCard, diagnostics: readonly Diagnostic[]): { diagnostic: Diagnostic; fix: OneFix<TextEdit>; edits: TextEdit[] }[] {
  const chosen: { diagnostic: Diagnostic; fix: OneFix<TextEdit>; edits: TextEdit[]; spans: [number, number][] }[] = [];
  for (const diagnostic of diagnostics) {
    const fix = safeFix(diagnostic);
    const edits = fix && fixEdits(card, diagnostic, fix);
    if (!fix || !edits) continue;
    const spans = edits.map((edit): [number, number] => [card.document.offsetAt(edit.range.start), card.document.offsetAt(edit.range.end)]);
    const overlaps = chosen.some((other) => other.spans.some((a) => spans.some((b) => a[0] <= b[1] && b[0] <= a[1])));
    if (!overlaps) chosen.push({ diagnostic, fix, edits, spans });
  }
  return chosen.map(({ diagnostic, fix, edits }) => ({ diagnostic, fix, edits }));
}

/** "Fix all safe problems" as one code action (none when there is nothing safe to fix). */
export function fixAllActions(card: ParsedCard, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const fixes = safeFixes(card, diagnostics);
  if (fixes.length === 0) return [];
  const edits = fixes.flatMap((fix) => fix.edits);
  return [{ title: 'Fix all safe problems', kind: fixAllKind, diagnostics: fixes.map((fix) => fix.diagnostic), edit: { changes: { [card.document.uri]: edits } } }];
}

/**
 * The document with every safe fix applied, pass after pass until none is left (`lint --fix`).
 * `check` parses and validates one version of the text.
 */
export function fixAll(document: TextDocument, check: (document: TextDocument) => { card: ParsedCard; diagnostics: Diagnostic[] }): FixAllResult {
  let current = document;
  const fixes: AppliedFix[] = [];
  for (let pass = 1; pass <= maxPasses; pass++) {
    const { card, diagnostics } = check(current);
    const chosen = safeFixes(card, diagnostics);
    if (chosen.length === 0) break;
    for (const { diagnostic, fix } of chosen) {
      fixes.push({ code: String(diagnostic.code), title: fix.kind === 'insertKey' ? '' : fix.title, message: String(diagnostic.message), line: diagnostic.range.start.line });
    }
    const text = TextDocument.applyEdits(current, chosen.flatMap((fix) => fix.edits));
    current = TextDocument.create(document.uri, document.languageId, current.version + 1, text);
  }
  return { text: current.getText(), fixes };
}
