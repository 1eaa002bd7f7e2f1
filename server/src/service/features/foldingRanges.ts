import { isNode, isScalar, Scalar, type Node } from 'yaml';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { ParsedCard } from '../parsing/parsedCard';
import { walkNodes } from '../parsing/yamlNodes';
import { lineOf, nodeSpan } from '../parsing/nodeSpans';

/** At most this many folding ranges, whatever the client allows. */
export const maxFoldingRanges = 5000;

/** Lines [first, last] inside a multi-line scalar, where a `#` is text, not a comment. */
type LineSpan = [number, number];

/**
 * A folding range for each multi-line section, mapping, list and block scalar (from its key's line
 * to its last line), and for each run of two or more comment lines. At most `rangeLimit` of them
 * (the client's limit), the first ones in the document.
 */
export function foldingRanges(card: ParsedCard, rangeLimit = maxFoldingRanges): FoldingRange[] {
  const limit = Math.max(0, Math.min(rangeLimit, maxFoldingRanges));
  const { folds, scalarLines } = structureFolds(card, limit);
  // The walk stops after `limit` folds; comment runs past that point are cut off below, so a `#`
  // in a block scalar the walk did not reach is never taken for a comment.
  const all = [...folds, ...commentFolds(card, scalarLines)].sort((a, b) => a.startLine - b.startLine);
  return all.slice(0, limit);
}

function structureFolds(card: ParsedCard, limit: number): { folds: FoldingRange[]; scalarLines: LineSpan[] } {
  const folds: FoldingRange[] = [];
  const scalarLines: LineSpan[] = [];
  const foldedLines = new Set<number>();
  walkNodes(card.root, (node, _path, key) => {
    if (folds.length >= limit) return false;
    const span = nodeSpan(card, node);
    if (!span || node === card.root) return true;
    const startLine = lineOf(card, isNode(key) && key.range ? key.range[0] : span[0]);
    const endLine = lineOf(card, span[1]);
    if (endLine <= startLine) return true;
    if (isScalar(node)) {
      scalarLines.push([lineOf(card, span[0]) + 1, endLine]);
      if (!isBlockScalar(node)) return true;
    }
    if (!foldedLines.has(startLine)) {
      foldedLines.add(startLine);
      folds.push({ startLine, endLine });
    }
    return true;
  });
  return { folds, scalarLines };
}

function isBlockScalar(node: Node): boolean {
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}

function commentFolds(card: ParsedCard, scalarLines: LineSpan[]): FoldingRange[] {
  const lines = card.text.split('\n');
  const inScalar = new Uint8Array(lines.length);
  for (const [first, last] of scalarLines) inScalar.fill(1, first, last + 1);
  const folds: FoldingRange[] = [];
  let runStart = -1;
  for (let line = 0; line <= lines.length; line++) {
    const isComment = line < lines.length && inScalar[line] === 0 && /^\s*#/.test(lines[line]);
    if (isComment && runStart < 0) runStart = line;
    if (!isComment && runStart >= 0) {
      if (line - 1 > runStart) folds.push({ startLine: runStart, endLine: line - 1, kind: FoldingRangeKind.Comment });
      runStart = -1;
    }
  }
  return folds;
}
