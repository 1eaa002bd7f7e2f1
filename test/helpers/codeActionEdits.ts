import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';

/** The text edits a code action makes to the document at `uri` (and it edits no other document). */
export function actionEdits(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.changes ?? {};
  assert.deepEqual(Object.keys(changes), [uri], `"${action.title}" edits only ${uri}`);
  return changes[uri];
}

/** `text` with `edits` applied, as an editor applies them. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///applied.modelcard.yaml', 'modelcard', 1, text), edits);
}
