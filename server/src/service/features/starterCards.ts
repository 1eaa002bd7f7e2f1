import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { keysSnippet, type SkeletonOptions } from '../schema/skeletons';

const starters = [
  { label: 'Model card (minimal)', keys: ['name', 'version', 'metrics', 'limitations'], detail: 'The smallest complete card' },
  {
    label: 'Model card (all sections)',
    keys: [
      'name', 'version', 'date', 'summary', 'owners', 'license', 'intended_use', 'factors', 'metrics', 'evaluation_data',
      'training_data', 'quantitative_analyses', 'ethical_considerations', 'caveats_and_recommendations', 'limitations', 'governance',
    ],
    detail: 'Every section of Mitchell et al. (2019), plus governance',
  },
];

/** Completions for an empty card: whole starter cards, each a snippet. */
export function starterCards(layout: SkeletonOptions, position: Position): CompletionItem[] {
  return starters.map(({ label, keys, detail }, index) => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    sortText: String(index),
    textEdit: { range: { start: { line: position.line, character: 0 }, end: position }, newText: `${keysSnippet([], keys, layout)}\n` },
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}
