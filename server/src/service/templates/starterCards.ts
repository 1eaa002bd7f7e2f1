import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { DocumentKind } from '../kinds/documentKind';
import { modelNameToken } from './cardFile';

/** Completions for an empty document: its kind's templates, each a snippet whose first tab stop is the name. */
export function starterCards(kind: DocumentKind, position: Position, eol: '\n' | '\r\n'): CompletionItem[] {
  const nameLabel = `${kind.words.subject.charAt(0).toUpperCase()}${kind.words.subject.slice(1)} name`;
  return kind.templates.map((template, index) => ({
    label: `${kind.label} (${template.label})`,
    kind: CompletionItemKind.Snippet,
    detail: template.detail,
    sortText: String(index),
    textEdit: { range: { start: { line: position.line, character: 0 }, end: position }, newText: templateSnippet(template.text, nameLabel, eol) },
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}

/** The template as snippet text: `$`, `}` and `\` escaped, the name a tab stop. */
function templateSnippet(text: string, nameLabel: string, eol: '\n' | '\r\n'): string {
  return text
    .split(modelNameToken)
    .map((part) => part.replace(/[\\$}]/g, '\\$&'))
    .join(`\${1:${nameLabel}}`)
    .replace(/\r?\n/g, eol);
}
