import { isMap, parse } from 'yaml';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { diagnosticSource } from '../diagnostics/validate';
import type { FixData, OneFix } from '../diagnostics/ruleTypes';
import type { ParsedCard } from '../parsing/parsedCard';
import { locate } from '../parsing/locate';
import { findPair, nodeAt } from '../parsing/yamlNodes';

/** A diagnostic of ours whose `data` is a well-formed fix (it comes back from the client, so it is checked). */
export function hasFix(diagnostic: Diagnostic): boolean {
  if (diagnostic.source !== diagnosticSource) return false;
  const fix = diagnostic.data as Partial<Record<string, unknown>> | undefined;
  if (fix?.kind === 'choices') return Array.isArray(fix.fixes) && fix.fixes.length > 0 && fix.fixes.every(isOneFix);
  return isOneFix(fix);
}

/** The ways to fix the diagnostic (it must have a fix): one, or the alternatives of a choice. */
export function fixChoices(diagnostic: Diagnostic): OneFix<TextEdit>[] {
  const fix = diagnostic.data as FixData;
  return fix.kind === 'choices' ? fix.fixes : [fix];
}

function isOneFix(fix: unknown): boolean {
  const candidate = fix as Partial<Record<string, unknown>> | undefined;
  if (candidate?.kind === 'replace') return typeof candidate.title === 'string' && typeof candidate.newText === 'string';
  if (candidate?.kind === 'edits') return typeof candidate.title === 'string' && Array.isArray(candidate.edits) && candidate.edits.every(isTextEdit);
  return (
    candidate?.kind === 'insertKey' &&
    Array.isArray(candidate.path) &&
    candidate.path.length > 0 &&
    candidate.path.every((segment) => typeof segment === 'string' || typeof segment === 'number') &&
    (candidate.valueText === undefined || typeof candidate.valueText === 'string') &&
    (candidate.title === undefined || typeof candidate.title === 'string')
  );
}

/**
 * The edits of a replace or multi-edit fix of `diagnostic`, when they still apply to this version
 * of the card (and a rename would not give its mapping the same key twice).
 */
export function fixEdits(card: ParsedCard, diagnostic: Diagnostic, fix: OneFix<TextEdit>): TextEdit[] | undefined {
  if (fix.kind === 'insertKey') return undefined;
  if (fix.kind === 'edits') return fix.edits.every((edit) => liesInside(card, edit.range)) ? fix.edits : undefined;
  if (!liesInside(card, diagnostic.range) || renamesOntoSibling(card, diagnostic.range, fix.newText)) return undefined;
  return [{ range: diagnostic.range, newText: fix.newText }];
}

/** The YAML value `text` stands for (the text itself when it does not parse). */
export function parsedScalar(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return text;
  }
}

function isTextEdit(edit: unknown): edit is TextEdit {
  const candidate = edit as Partial<TextEdit> | undefined;
  return typeof candidate?.newText === 'string' && isPosition(candidate.range?.start) && isPosition(candidate.range?.end);
}

function isPosition(position: unknown): boolean {
  const candidate = position as Partial<Range['start']> | undefined;
  return Number.isInteger(candidate?.line) && Number.isInteger(candidate?.character);
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
