import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { FixData, OneFix } from '../diagnostics/ruleTypes';
import { keyInsertion, type KeyInsertion } from '../edits/insertKey';
import type { ParsedCard } from '../parsing/parsedCard';
import type { CardPath } from '../parsing/yamlNodes';
import { fixChoices, fixEdits, hasFix, parsedScalar } from '../edits/fixEdits';
import { fixAllActions, fixAllKind } from './fixAll';
import { formatPath } from '../text/yamlText';

type InsertKeyFix = Extract<FixData, { kind: 'insertKey' }>;

/**
 * Quick fixes for the diagnostics in `context` that carry a fix in `data`, plus one action that
 * adds every missing recommended section of the card (from `cardDiagnostics`, all diagnostics of
 * this version) when there are several. The fix-all is a quick fix only, not `source.fixAll`:
 * editors run `source.fixAll` on save, and saving should not fill a card with placeholder sections.
 * A fix is preferred (the one an editor's "auto fix" applies) when it is the obvious one: it adds
 * a missing key, or it only quotes what the user wrote; a guess (a rename, the closest value) is not.
 */
export function codeActions(card: ParsedCard, context: CodeActionContext, cardDiagnostics: readonly Diagnostic[], placeholder: string): CodeAction[] {
  if (context.only?.some((kind) => kind === CodeActionKind.SourceFixAll || kind === fixAllKind)) return fixAllActions(card, cardDiagnostics);
  if (context.only && !context.only.some((kind) => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix)) return [];
  const actions = context.diagnostics.filter(hasFix).flatMap((diagnostic) => fixChoices(diagnostic).flatMap((fix) => quickFix(card, diagnostic, fix, placeholder) ?? []));
  const isMissingSection = (diagnostic: Diagnostic) => missesSection(card, diagnostic);
  if (context.diagnostics.some(isMissingSection)) {
    const addAll = addAllMissingSections(card, cardDiagnostics.filter(isMissingSection), placeholder);
    if (addAll) actions.push(addAll);
  }
  return actions;
}

function quickFix(card: ParsedCard, diagnostic: Diagnostic, fix: OneFix<TextEdit>, placeholder: string): CodeAction | undefined {
  if (fix.kind !== 'insertKey') {
    const edits = fixEdits(card, diagnostic, fix);
    return edits && action(fix.title, [diagnostic], edits, card.document.uri, fix.kind === 'replace' && onlyQuotes(card, edits[0]));
  }
  const insertion = keyInsertion(card, fix.path, placeholder, fix.valueText);
  return insertion && action(insertTitle(fix), [diagnostic], [textEdit(card, insertion)], card.document.uri, true);
}

/** One edit that inserts every missing section; insertions at the same place are joined, inner keys first. */
function addAllMissingSections(card: ParsedCard, missing: Diagnostic[], placeholder: string): CodeAction | undefined {
  const fixes = new Map((missing.map((diagnostic) => diagnostic.data) as InsertKeyFix[]).map((fix) => [JSON.stringify(fix.path), fix]));
  const insertions = [...fixes.values()]
    .sort((a, b) => insertionOrder(card, a.path, b.path))
    .flatMap((fix) => keyInsertion(card, fix.path, placeholder, fix.valueText) ?? []);
  if (insertions.length < 2) return undefined;
  const textByOffset = new Map<number, string>();
  for (const { offset, text } of insertions) textByOffset.set(offset, (textByOffset.get(offset) ?? '') + text);
  const edits = [...textByOffset].map(([offset, text]) => textEdit(card, { offset, text }));
  return action('Add all missing recommended sections', missing, edits, card.document.uri, false);
}

/** Deeper keys first (they go inside a section, before a section that follows it), then in the schema's order. */
function insertionOrder(card: ParsedCard, a: CardPath, b: CardPath): number {
  return b.length - a.length || schemaRank(card, a) - schemaRank(card, b);
}

function schemaRank(card: ParsedCard, path: CardPath): number {
  return card.kind.schema.propertiesAt(path.slice(0, -1)).findIndex(([key]) => key === path[path.length - 1]);
}

function action(title: string, diagnostics: Diagnostic[], edits: TextEdit[], uri: string, isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred, edit: { changes: { [uri]: edits } } };
}

function textEdit(card: ParsedCard, { offset, text }: KeyInsertion): TextEdit {
  const position = card.document.positionAt(offset);
  return { range: { start: position, end: position }, newText: text };
}

function insertTitle({ path, valueText, title }: InsertKeyFix): string {
  if (title !== undefined) return title;
  const key = String(path[path.length - 1]);
  const parentPath = path.slice(0, -1);
  const what = valueText === undefined ? key : `${key}: ${valueText}`;
  return parentPath.length === 0 ? `Add \`${what}\`` : `Add \`${what}\` to \`${formatPath(parentPath)}\``;
}

/** Whether the diagnostic's fix adds a missing section: one of its kind's section rules, or any fix that adds a top-level section of the kind. */
function missesSection(card: ParsedCard, diagnostic: Diagnostic): boolean {
  if (!hasFix(diagnostic) || (diagnostic.data as FixData).kind !== 'insertKey') return false;
  const { path } = diagnostic.data as InsertKeyFix;
  const { sectionRules, layout } = card.kind;
  return sectionRules.includes(String(diagnostic.code)) || (path.length === 1 && layout.sections.some((section) => section.key === path[0]));
}

/** Whether the edit writes the same text as the one it replaces, only quoted (`no` → `'no'`). */
function onlyQuotes(card: ParsedCard, { range, newText }: TextEdit): boolean {
  const written = card.text.slice(card.document.offsetAt(range.start), card.document.offsetAt(range.end));
  return newText !== written && parsedScalar(newText) === written;
}
