import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  Hover,
  InsertReplaceEdit,
  Position,
  Range,
  SelectionRange,
  TextEdit,
} from 'vscode-languageserver-types';
import { rangesOutside } from './ranges';

/**
 * What LSP requires of the results of each request, beyond ranges inside the text: a completion
 * edit on the cursor's line and around it, selection ranges that contain their position and nest,
 * symbols inside their parents, edits that do not overlap. Each problem is described for an
 * assertion message; none means the result is valid.
 */
export function protocolProblems(method: string, result: unknown, text: string, positions: readonly Position[]): string[] {
  const problems = rangesOutside(text, result);
  if (result === null || result === undefined) return problems;
  switch (method) {
    case 'textDocument/completion':
      problems.push(...completionProblems(result as CompletionList | CompletionItem[], positions[0]));
      break;
    case 'textDocument/hover': {
      const { range } = result as Hover;
      if (range && !contains(range, positions[0])) problems.push(`hover range ${show(range)} does not contain ${showPosition(positions[0])}`);
      break;
    }
    case 'textDocument/selectionRange':
      problems.push(...selectionProblems(result as SelectionRange[], positions));
      break;
    case 'textDocument/documentSymbol':
      problems.push(...symbolProblems(result as DocumentSymbol[], undefined));
      break;
    case 'textDocument/foldingRange':
      for (const fold of result as { startLine: number; endLine: number }[]) {
        if (fold.endLine < fold.startLine) problems.push(`folding range ends before it starts: ${JSON.stringify(fold)}`);
      }
      break;
    case 'textDocument/codeAction':
      for (const action of result as CodeAction[]) {
        for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) problems.push(...overlaps(edits, `"${action.title}" on ${uri}`));
      }
      break;
    case 'modelcard/governanceEdits':
      problems.push(...overlaps((result as { edits: TextEdit[] }).edits, 'governance edits'));
      break;
  }
  return problems;
}

function completionProblems(result: CompletionList | CompletionItem[], position: Position): string[] {
  const items = Array.isArray(result) ? result : result.items;
  return items.flatMap((item) => {
    const problems: string[] = [];
    const edit = item.textEdit;
    const main = edit && ('range' in edit ? [edit.range] : [(edit as InsertReplaceEdit).insert, (edit as InsertReplaceEdit).replace]);
    for (const range of main ?? []) {
      if (range.start.line !== range.end.line) problems.push(`"${item.label}": its edit ${show(range)} spans lines`);
      if (!contains(range, position)) problems.push(`"${item.label}": its edit ${show(range)} does not contain ${showPosition(position)}`);
    }
    if (edit && !('range' in edit) && !contains(edit.replace, edit.insert.end)) problems.push(`"${item.label}": its insert range is not within its replace range`);
    for (const extra of item.additionalTextEdits ?? []) {
      if (main?.some((range) => intersects(range, extra.range))) problems.push(`"${item.label}": an additional edit ${show(extra.range)} overlaps its main edit`);
    }
    return problems;
  });
}

function selectionProblems(result: SelectionRange[], positions: readonly Position[]): string[] {
  if (result.length !== positions.length) return [`${result.length} selection ranges for ${positions.length} positions`];
  return result.flatMap((selection, index) => {
    const problems = contains(selection.range, positions[index]) ? [] : [`the innermost selection ${show(selection.range)} does not contain ${showPosition(positions[index])}`];
    for (let current = selection; current.parent; current = current.parent) {
      if (!containsRange(current.parent.range, current.range)) problems.push(`selection ${show(current.range)} is not inside its parent ${show(current.parent.range)}`);
    }
    return problems;
  });
}

function symbolProblems(symbols: readonly DocumentSymbol[], parent: DocumentSymbol | undefined): string[] {
  return symbols.flatMap((symbol) => [
    ...(symbol.name.trim() === '' ? [`a symbol has an empty name at ${show(symbol.range)}`] : []),
    ...(containsRange(symbol.range, symbol.selectionRange) ? [] : [`"${symbol.name}": selection ${show(symbol.selectionRange)} outside its range ${show(symbol.range)}`]),
    ...(parent && !containsRange(parent.range, symbol.range) ? [`"${symbol.name}" ${show(symbol.range)} is outside its parent "${parent.name}" ${show(parent.range)}`] : []),
    ...symbolProblems(symbol.children ?? [], symbol),
  ]);
}

/** LSP forbids overlapping edits in one change: two edits may touch, and two insertions may share a position. */
function overlaps(edits: readonly TextEdit[], what: string): string[] {
  const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start));
  return sorted.slice(1).flatMap((edit, index) =>
    compare(sorted[index].range.end, edit.range.start) > 0 ? [`${what}: edits ${show(sorted[index].range)} and ${show(edit.range)} overlap`] : [],
  );
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function contains(range: Range, position: Position): boolean {
  return compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
}

function containsRange(outer: Range, inner: Range): boolean {
  return compare(outer.start, inner.start) <= 0 && compare(inner.end, outer.end) <= 0;
}

function intersects(a: Range, b: Range): boolean {
  return compare(a.start, b.end) < 0 && compare(b.start, a.end) < 0;
}

function show({ start, end }: Range): string {
  return `${showPosition(start)}-${showPosition(end)}`;
}

function showPosition({ line, character }: Position): string {
  return `(${line},${character})`;
}
