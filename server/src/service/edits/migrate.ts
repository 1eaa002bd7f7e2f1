import { isScalar, type Node } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedCard } from '../parsing/parsedCard';
import { findPair } from '../parsing/yamlNodes';
import { keyInsertion } from './insertKey';

/** The version of the `.modelcard.yaml` format this build writes and reads (`schema_version`). */
export const currentSchemaVersion = 2;

/** What `modelcard migrate` does to a card. */
export interface Migration {
  /** The card's `schema_version` before (1 when it states none). */
  from: number;
  to: number;
  /** Edits that keep comments, key order and line endings; empty when the card is current. */
  edits: TextEdit[];
  /** Why the card cannot be migrated (then `edits` is empty). */
  refused?: string;
}

/**
 * The edits that bring a card to the current format. Every version-1 card is a valid version-2
 * card, so migrating states the version: it replaces `schema_version`, or adds it first.
 */
export function migrate(card: ParsedCard): Migration {
  const to = currentSchemaVersion;
  if (!card.root) return { from: 1, to, edits: [], refused: 'The card is not a mapping of keys: there is nothing to migrate.' };
  const pair = findPair(card.root, 'schema_version');
  const stated = pair && isScalar(pair.value) ? pair.value.value : undefined;
  if (pair && !(typeof stated === 'number' && Number.isInteger(stated) && stated >= 1)) {
    return { from: 1, to, edits: [], refused: '`schema_version` is not a format version (1, 2, ...): fix it first.' };
  }
  const from = typeof stated === 'number' ? stated : 1;
  if (from > to) return { from, to, edits: [], refused: `The card is written for format version ${from}, newer than this Model Card Studio (${to}): update Model Card Studio.` };
  if (from === to) return { from, to, edits: [] };
  const edit = pair ? replaceValue(card, pair.value as Node, String(to)) : insertVersion(card, to);
  return edit ? { from, to, edits: [edit] } : { from, to, edits: [], refused: 'There is no safe place for `schema_version` in this card (is its YAML broken?): add it by hand.' };
}

function replaceValue(card: ParsedCard, value: Node, text: string): TextEdit {
  const [start, end] = value.range!;
  return { range: { start: card.document.positionAt(start), end: card.document.positionAt(end) }, newText: text };
}

function insertVersion(card: ParsedCard, version: number): TextEdit | undefined {
  const insertion = keyInsertion(card, ['schema_version'], 'TODO', String(version));
  if (!insertion) return undefined;
  const position = card.document.positionAt(insertion.offset);
  return { range: { start: position, end: position }, newText: insertion.text };
}
