import { isNode, isScalar, Scalar } from 'yaml';
import type { ParsedCard } from '../parsing/parsedCard';
import { nodeAt, pairAt, type CardPath } from '../parsing/yamlNodes';

/** The card lines rendered values come from, so that the preview can stamp them for scroll sync. */
export interface SourceLines {
  /** The line of the key of a mapping entry (path ending with a key) or of a list item (path ending with an index). */
  entryLine(path: CardPath): number | undefined;
  /**
   * The card line of the first line of a literal block (`|`) at `path`: its text keeps the card's
   * line breaks, so Markdown line N of the text is card line start + N. Undefined for other values.
   */
  textStartLine(path: CardPath): number | undefined;
}

/** Lines of the values of the card, by path. Values that come from aliases or merge keys have none. */
export function sourceLines(card: ParsedCard): SourceLines {
  const lineAt = (offset: number) => card.document.positionAt(offset).line;
  return {
    entryLine(path) {
      const last = path[path.length - 1];
      const node = typeof last === 'string' ? pairAt(card.root, path)?.key : nodeAt(card.root, path);
      return isNode(node) && node.range ? lineAt(node.range[0]) : undefined;
    },
    textStartLine(path) {
      const node = nodeAt(card.root, path);
      // The node starts at the block's `|` header; its text starts on the next line.
      return isScalar(node) && node.type === Scalar.BLOCK_LITERAL && node.range ? lineAt(node.range[0]) + 1 : undefined;
    },
  };
}
