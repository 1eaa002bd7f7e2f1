import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { defaultSettings, type ModelCardSettings } from '../../server/src/protocol';
import { createLanguageService } from '../../server/src/service/languageService';

export const seedSample = `name: ImageClassifier
version: '1.0'
metrics:
  accuracy: 0.92
limitations: May misclassify rare images
`;

let version = 0;

/** Where in-memory cards are: a model card's name (other kinds' documents are named for their kind). */
export const cardUri = 'file:///work/card.modelcard.yaml';

/** An in-memory card document. */
export function cardDocument(text: string, uri = cardUri): TextDocument {
  return TextDocument.create(uri, 'modelcard', ++version, text);
}

/** Diagnostics of `text` (a model card, or the kind `uri` names) from a fresh language service. */
export function diagnose(text: string, settings: Partial<ModelCardSettings> = {}, uri = cardUri): Diagnostic[] {
  return createLanguageService().validate(cardDocument(text, uri), { ...defaultSettings, ...settings });
}

/** Diagnostics of `text` with the given code. */
export function diagnosticsWithCode(text: string, code: string, settings: Partial<ModelCardSettings> = {}, uri = cardUri): Diagnostic[] {
  return diagnose(text, settings, uri).filter((diagnostic) => diagnostic.code === code);
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** The text a range covers. */
export function textAt(text: string, { start, end }: Range): string {
  const document = cardDocument(text);
  return text.slice(document.offsetAt(start), document.offsetAt(end));
}

/**
 * Splits `text` at the `|` caret marker: `name: x\n|` gives the text without the marker and the
 * caret's position.
 */
export function withCaret(textWithCaret: string): { text: string; position: Position } {
  const offset = textWithCaret.indexOf('|');
  if (offset < 0) throw new Error('no | caret in text');
  const text = textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1);
  return { text, position: cardDocument(text).positionAt(offset) };
}

/** `text` with the fix a diagnostic carries (a replacement of its range, or several edits) applied. */
export function withFix(text: string, diagnostic: Diagnostic): string {
  const fix = diagnostic.data as { kind: string; newText?: string; edits?: { range: Range; newText: string }[] };
  const edits = fix.kind === 'replace' ? [{ range: diagnostic.range, newText: fix.newText! }] : fix.kind === 'edits' ? fix.edits! : [];
  if (edits.length === 0) throw new Error(`the ${String(diagnostic.code)} finding has no replacing fix`);
  return TextDocument.applyEdits(cardDocument(text), edits);
}
