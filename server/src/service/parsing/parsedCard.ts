import type { Document, YAMLMap } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../kinds/documentKind';

/** A problem found while reading the YAML itself, before any model-card rule runs. */
export interface ParseProblem {
  kind: 'syntax' | 'duplicateKey' | 'tabIndent' | 'aliasBomb' | 'extraDocument' | 'notAMapping' | 'empty';
  message: string;
  /** Offsets into the document text. */
  start: number;
  end: number;
  /** A duplicate key's: where the key was first given. */
  firstStart?: number;
}

/** One parse of one version of a card (or of a document of another kind): the YAML tree, its plain value, and what went wrong. */
export interface ParsedCard {
  /** What kind of document it is (by its file name): its schema, rules and sections. */
  readonly kind: DocumentKind;
  /** A snapshot of the document at the parsed version: its positions match the YAML offsets. */
  readonly document: TextDocument;
  readonly text: string;
  /** The first YAML document of the file (the card), or undefined for an empty file. */
  readonly yaml: Document.Parsed | undefined;
  /** The root mapping, when the card is one. Rules that need positions start here. */
  readonly root: YAMLMap | undefined;
  /** The card as plain data (for the schema); undefined when it could not be built safely. */
  readonly value: unknown;
  readonly problems: readonly ParseProblem[];
}
