import type { Rule } from '../diagnostics/ruleTypes';
import type { ParsedCard } from '../parsing/parsedCard';
import type { FlowGraph } from '../render/diagram/flowGraph';
import type { CardPath } from '../parsing/yamlNodes';
import type { DocumentSchema } from '../schema/documentSchema';
import type { CardTemplate } from '../templates/cardTemplates';
import type { Term } from '../vocabulary/vocabularies';

/**
 * A kind of document the service reads: model cards, datasheets, system cards. Everything that
 * differs between kinds is here; the features (diagnostics, completion, hover, quick fixes,
 * outline, preview, completeness, templates) read it from the document's kind, so a new kind is a
 * folder under kinds/ holding one of these, and a line in the registry (kinds/registry.ts).
 */
export interface DocumentKind extends KindFiles {
  readonly schema: DocumentSchema;
  /**
   * Its own rules. The rules about YAML and the schema (syntax, duplicate keys, tabs, YAML 1.1
   * readings, unknown keys, types, values, required keys, formats, placeholders, empty values)
   * and the governance rules check every kind.
   */
  readonly rules: readonly Rule[];
  /** The codes of its rules that report a missing section: "Add all missing recommended sections" inserts what they miss. */
  readonly sectionRules: readonly string[];
  readonly layout: KindLayout;
  /** The parts that make a document of this kind complete (the preview's completeness score). */
  readonly recommendedParts: readonly RecommendedPart[];
  /** The other documents it links to by relative path (none for a kind that links to nothing). */
  links(card: ParsedCard): DocumentLink[];
  /**
   * A diagram of the document (a system card's components and data flow), drawn at the top of
   * its `section` in the preview and rendered pages, and exported as Mermaid source.
   */
  readonly diagram?: { section: string; graph(card: ParsedCard): FlowGraph | undefined };
  /** Completion values at `path` that come from the document itself (declared datasets, component ids), beyond the schema's. */
  valueNames?(card: ParsedCard, path: CardPath): Term[];
  /** Completion names for the keys of the mapping at `path` where the schema leaves them free (a short-form `metrics` map's metric names). */
  keyNames?(card: ParsedCard, path: CardPath): Term[];
}

/**
 * What the editor and the CLI know of a kind before any document is read: its names, its files and
 * its templates. Each kind's folder holds its own (`files.ts`), light enough for the VS Code client
 * to bundle (no schema, no rules); kinds/kindFiles.ts lists them, and the extension's manifest
 * (languages, schema associations, activation) follows that list.
 */
export interface KindFiles {
  /** Stable id (`modelCard`): names the kind in summaries, links and the precompiled validators. */
  readonly id: string;
  /** What the editor calls it: "Model card". */
  readonly label: string;
  /** What its documents are about, in a line (the editor's New… offers the kinds with it). */
  readonly summary: string;
  readonly words: KindWords;
  /** The editor's language id for its documents (package.json `contributes.languages`). */
  readonly languageId: string;
  /** The file name endings of its documents, the one new files get first: `.modelcard.yaml`. */
  readonly fileSuffixes: readonly string[];
  /** Its templates, in the order they are offered (the editor's New…, `modelcard new`, completion in an empty file). */
  readonly templates: readonly CardTemplate[];
}

/** How messages name a kind's documents: "This model card is empty", "Unknown key in the card", "the name of the model". */
export interface KindWords {
  document: string;
  /** The short name ("card" for a model card). */
  short: string;
  /** What the document is about: "model", "dataset", "system". */
  subject: string;
}

/** How a document of the kind is shown: in the preview and rendered pages, and in the outline. */
export interface KindLayout {
  /** Top-level keys shown in the page's header. */
  headerKeys: readonly string[];
  /** The heading of the table of the other top-level keys that are not sections ("Model details"). */
  detailsTitle: string;
  /** The sections, in reading order; governance comes first for reviewers. */
  sections: readonly KindSection[];
  /** Keys whose value names a list item in the outline (a result's `name`, a component's `id`), in order of preference. */
  namingKeys: readonly string[];
}

/** A top-level key shown as a section of its own. */
export interface KindSection {
  key: string;
  /** Its heading; by default the key in words (`out_of_scope` → "Out of scope"). */
  title?: string;
  /**
   * Shown as a table with these columns: a list of mappings gives a row per item, a mapping of
   * mappings a row per key (its first column).
   */
  table?: readonly string[];
}

/** A part of a document that counts for completeness: written when every path holds content (not placeholders), or `otherwise` does. */
export interface RecommendedPart {
  label: string;
  paths: CardPath[];
  otherwise?: CardPath;
}

/** A link from one document to another by relative path: a system card's component to its model card, a card's dataset to its datasheet. */
export interface DocumentLink {
  /** The path as written, relative to the linking document's folder. */
  target: string;
  /** Where the path is written: the path of its value in the document, and the value's offsets in the text. */
  path: CardPath;
  start: number;
  end: number;
  /** The kinds (ids) of document it should lead to. */
  expects: readonly string[];
  /** What links: the component's id, the dataset's name (when it has one). */
  from?: string;
}
