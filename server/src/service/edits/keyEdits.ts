import { defaultSettings } from '../../protocol';
import type { ParsedCard } from '../parsing/parsedCard';
import type { CardPath } from '../parsing/yamlNodes';
import { formatPath } from '../text/yamlText';
import type { CardLayout } from './cardLayout';
import { keyInsertion } from './insertKey';
import { indentLines, type OffsetEdit } from './lineEdits';

/** Why an edit the user asked for cannot be made to the card as it stands (the message says what to do). */
export class EditRefusal extends Error {}

/** The missing key at `path`, with `valueText`, at its place in the schema's order (the quick fixes' insertion). */
export function insertKeyEdit(card: ParsedCard, path: CardPath, valueText: string): OffsetEdit {
  const insertion = keyInsertion(card, path, defaultSettings.placeholders[0], valueText);
  if (!insertion) throw new EditRefusal(`There is no safe place for \`${formatPath(path)}\` in this card: add it by hand.`);
  return { start: insertion.offset, end: insertion.offset, text: insertion.text };
}

/** `lines` as a block value for `insertKeyEdit`: on the lines below the key, `indent` spaces in. */
export function blockValue(lines: readonly string[], indent: number): string {
  return `\n${indentLines(lines, indent).join('\n')}`;
}

/** How far the card indents list items under their key. */
export function sequenceIndent(layout: CardLayout): number {
  return layout.indentSequences ? layout.indentSize : 0;
}
