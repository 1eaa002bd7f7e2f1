import { isMap, parse } from 'yaml';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { diagnosticSource } from '../diagnostics/validate';
import { RuleCode, type FixData } from '../diagnostics/ruleTypes';
import { keyInsertion, type KeyInsertion } from '../edits/insertKey';
import type { ParsedCard } from '../parsing/parsedCard';
import { locate } from '../parsing/locate';
import { findPair, nodeAt, type CardPath } from '../parsing/yamlNodes';
import { propertiesAt } from '../schema/schemaNavigator';
import { formatPath } from '../text/yamlText';

type InsertKeyFix = Extract<FixData, { kind: 'insertKey' }>;

/** The rules whose missing keys "Add all missing recommended sections" inserts (with MC020's `evaluation_data`). */
const sectionRules: readonly string[] = [
  RuleCode.MissingLimitations,
  RuleCode.MissingMetrics,
  RuleCode.MissingIntendedUses,
  RuleCode.MissingOutOfScopeUses,
  RuleCode.MissingEthicalConsiderations,
];

/**
 * Quick fixes for the diagnostics in `context` that carry a fix in `data`, plus one action that
 * adds every missing recommended section of the card (from `cardDiagnostics`, all diagnostics of
 * this version) when there are several. The fix-all is a quick fix only, not `source.fixAll`:
 * editors run `source.fixAll` on save, and saving should not fill a card with placeholder sections.
 * A fix is preferred (the one an editor's "auto fix" applies) when it is the obvious one: it adds
 * a missing key, or it only quotes what the user wrote; a guess (a rename, the closest value) is not.
 */
export function codeActions(card: ParsedCard, context: CodeActionContext, cardDiagnostics: readonly Diagnostic[], placeholder: string): CodeAction[] {
  if (context.only && !context.only.some((kind) => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix)) return [];
  const actions = context.diagnostics.filter(hasFix).flatMap((diagnostic) => quickFix(card, diagnostic, placeholder) ?? []);
  if (context.diagnostics.some(isMissingSection)) {
    const addAll = addAllMissingSections(card, cardDiagnostics.filter(isMissingSection), placeholder);
    if (addAll) actions.push(addAll);
  }
  return actions;
}

function quickFix(card: ParsedCard, diagnostic: Diagnostic, placeholder: string): CodeAction | undefined {
  const fix = diagnostic.data as FixData;
  if (fix.kind === 'replace') {
    if (!liesInside(card, diagnostic.range) || renamesOntoSibling(card, diagnostic.range, fix.newText)) return undefined;
    const edit = { range: diagnostic.range, newText: fix.newText };
    return action(fix.title, [diagnostic], [edit], card.document.uri, onlyQuotes(card, edit));
  }
  const insertion = keyInsertion(card, fix.path, placeholder, fix.valueText);
  return insertion && action(insertTitle(fix), [diagnostic], [textEdit(card, insertion)], card.document.uri, true);
}

/** One edit that inserts every missing section; insertions at the same place are joined, inner keys first. */
function addAllMissingSections(card: ParsedCard, missing: Diagnostic[], placeholder: string): CodeAction | undefined {
  const fixes = new Map((missing.map((diagnostic) => diagnostic.data) as InsertKeyFix[]).map((fix) => [JSON.stringify(fix.path), fix]));
  const insertions = [...fixes.values()]
    .sort((a, b) => insertionOrder(a.path, b.path))
    .flatMap((fix) => keyInsertion(card, fix.path, placeholder, fix.valueText) ?? []);
  if (insertions.length < 2) return undefined;
  const textByOffset = new Map<number, string>();
  for (const { offset, text } of insertions) textByOffset.set(offset, (textByOffset.get(offset) ?? '') + text);
  const edits = [...textByOffset].map(([offset, text]) => textEdit(card, { offset, text }));
  return action('Add all missing recommended sections', missing, edits, card.document.uri, false);
}

/** Deeper keys first (they go inside a section, before a section that follows it), then in the schema's order. */
function insertionOrder(a: CardPath, b: CardPath): number {
  return b.length - a.length || schemaRank(a) - schemaRank(b);
}

function schemaRank(path: CardPath): number {
  return propertiesAt(path.slice(0, -1)).findIndex(([key]) => key === path[path.length - 1]);
}

function action(title: string, diagnostics: Diagnostic[], edits: TextEdit[], uri: string, isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred, edit: { changes: { [uri]: edits } } };
}

function textEdit(card: ParsedCard, { offset, text }: KeyInsertion): TextEdit {
  const position = card.document.positionAt(offset);
  return { range: { start: position, end: position }, newText: text };
}

function insertTitle({ path, valueText }: InsertKeyFix): string {
  const key = String(path[path.length - 1]);
  const parentPath = path.slice(0, -1);
  const what = valueText === undefined ? key : `${key}: ${valueText}`;
  return parentPath.length === 0 ? `Add \`${what}\`` : `Add \`${what}\` to \`${formatPath(parentPath)}\``;
}

/** A diagnostic of ours whose `data` is a well-formed fix (it comes back from the client, so it is checked). */
function hasFix(diagnostic: Diagnostic): boolean {
  if (diagnostic.source !== diagnosticSource) return false;
  const fix = diagnostic.data as Partial<Record<string, unknown>> | undefined;
  if (fix?.kind === 'replace') return typeof fix.title === 'string' && typeof fix.newText === 'string';
  return (
    fix?.kind === 'insertKey' &&
    Array.isArray(fix.path) &&
    fix.path.length > 0 &&
    fix.path.every((segment) => typeof segment === 'string' || typeof segment === 'number') &&
    (fix.valueText === undefined || typeof fix.valueText === 'string')
  );
}

function isMissingSection(diagnostic: Diagnostic): boolean {
  if (!hasFix(diagnostic) || (diagnostic.data as FixData).kind !== 'insertKey') return false;
  const { path } = diagnostic.data as InsertKeyFix;
  const code = String(diagnostic.code);
  return sectionRules.includes(code) || (code === RuleCode.ResultWithoutData && path.length === 1 && path[0] === 'evaluation_data');
}

/** Whether `range` is a range of this version of the document (a stale one would edit the wrong text). */
function liesInside(card: ParsedCard, range: Range): boolean {
  const { document } = card;
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const same = (offset: number, position: Range['start']) => {
    const roundTrip = document.positionAt(offset);
    return roundTrip.line === position.line && roundTrip.character === position.character;
  };
  return start <= end && same(start, range.start) && same(end, range.end);
}

/** Whether replacing this key with `newText` would give its mapping the same key twice. */
function renamesOntoSibling(card: ParsedCard, range: Range, newText: string): boolean {
  const start = card.document.offsetAt(range.start);
  const location = locate(card.root, start);
  if (location?.target !== 'key' || location.node.range?.[0] !== start) return false;
  const parent = nodeAt(card.root, location.path.slice(0, -1));
  return isMap(parent) && findPair(parent, String(parsedScalar(newText))) !== undefined;
}

/** Whether the edit writes the same text as the one it replaces, only quoted (`no` → `'no'`). */
function onlyQuotes(card: ParsedCard, { range, newText }: TextEdit): boolean {
  const written = card.text.slice(card.document.offsetAt(range.start), card.document.offsetAt(range.end));
  return newText !== written && parsedScalar(newText) === written;
}

function parsedScalar(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return text;
  }
}
