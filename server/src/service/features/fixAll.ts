import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { FixData } from '../diagnostics/ruleTypes';
import { fixEdits, hasFix } from '../edits/fixEdits';
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

/** Whether `lint --fix` and fix-all may apply the diagnostic's fix (see `FixData`). */
export function hasSafeFix(diagnostic: Diagnostic): boolean {
  return hasFix(diagnostic) && (diagnostic.data as FixData).kind !== 'insertKey' && (diagnostic.data as { safe?: boolean }).safe === true;
}

/**
 * The edits of every safe fix, without overlaps: of two fixes that touch the same text, the first
 * in the card wins (the other is found again on the fixed text).
 */
export function safeFixes(card: ParsedCard, diagnostics: readonly Diagnostic[]): { diagnostic: Diagnostic; edits: TextEdit[] }[] {
  const chosen: { diagnostic: Diagnostic; edits: TextEdit[]; spans: [number, number][] }[] = [];
  for (const diagnostic of diagnostics.filter(hasSafeFix)) {
    const edits = fixEdits(card, diagnostic);
    if (!edits) continue;
    const spans = edits.map((edit): [number, number] => [card.document.offsetAt(edit.range.start), card.document.offsetAt(edit.range.end)]);
    const overlaps = chosen.some((other) => other.spans.some((a) => spans.some((b) => a[0] <= b[1] && b[0] <= a[1])));
    if (!overlaps) chosen.push({ diagnostic, edits, spans });
  }
  return chosen.map(({ diagnostic, edits }) => ({ diagnostic, edits }));
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
    for (const { diagnostic } of chosen) {
      fixes.push({ code: String(diagnostic.code), title: (diagnostic.data as FixData & { title: string }).title, message: String(diagnostic.message), line: diagnostic.range.start.line });
    }
    const text = TextDocument.applyEdits(current, chosen.flatMap((fix) => fix.edits));
    current = TextDocument.create(document.uri, document.languageId, current.version + 1, text);
  }
  return { text: current.getText(), fixes };
}
