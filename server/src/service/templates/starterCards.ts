import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { cardTemplates } from './cardTemplates';
import { modelNameToken } from './cardFile';

/** Completions for an empty card: the card templates, each a snippet whose first tab stop is the model name. */
export function starterCards(position: Position, eol: '\n' | '\r\n'): CompletionItem[] {
  return cardTemplates.map((template, index) => ({
    label: `Model card (${template.label})`,
    kind: CompletionItemKind.Snippet,
    detail: template.detail,
    sortText: String(index),
    textEdit: { range: { start: { line: position.line, character: 0 }, end: position }, newText: templateSnippet(template.text, eol) },
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}

/** The template as snippet text: `$`, `}` and `\` escaped, the model name a tab stop. */
function templateSnippet(text: string, eol: '\n' | '\r\n'): string {
  return text
    .split(modelNameToken)
    .map((part) => part.replace(/[\\$}]/g, '\\$&'))
    .join('${1:Model name}')
    .replace(/\r?\n/g, eol);
}
