/**
 * The interfaces every card format implements: an importer reads another format into a card, an
 * exporter writes a card in another format. Both are pure: text in, data and text out, and a
 * loss report of what did not carry over. The CLI and the editor write the files.
 */

/** A location in a format's data (a card, a README's metadata, an MCT JSON): keys and list indexes. */
export type DataPath = readonly (string | number)[];

/** One thing that did not carry over, by where it was in the source. */
export interface Loss {
  /** Where the field is in the source: `model-index[0].results[2]`, `model_parameters.input_format`, `section "How to use"`. */
  where: string;
  /** Why, in a few words: "no card field", "kept under x-huggingface". */
  reason: string;
}

/** A problem with the source: one line, and where it is in the source text when that is known. */
export interface FormatFinding {
  message: string;
  /** Offsets into the source text. */
  start?: number;
  end?: number;
  severity: 'error' | 'warning' | 'information';
}

/** A file an import or export writes besides its main output, relative to that output. */
export interface OutputFile {
  /** A relative path with `/` separators. */
  path: string;
  /** Text content, or binary content as base64. */
  text?: string;
  base64?: string;
}

export interface ImportSource {
  text: string;
  /** The source's file name (or path), for the card's name when nothing else gives one, and for messages. */
  fileName: string;
}

export interface ImportResult {
  /** The card as plain data; undefined when nothing could be read (see `findings`). */
  card: Record<string, unknown> | undefined;
  losses: Loss[];
  findings: FormatFinding[];
  /** Files the card refers to (graphics), relative to the card's folder. */
  files: OutputFile[];
}

export interface CardImporter {
  readonly id: ImportFormatId;
  import(source: ImportSource): ImportResult;
}

export interface ExportOptions {
  /** CycloneDX spec version: 1.6 (default) or 1.5. */
  spec?: '1.5' | '1.6';
  /** Hugging Face: also write `.eval_results/*.yaml`. */
  evalResults?: boolean;
  /** Files beside the card that it refers to (its graphics), as base64, by their path in the card. */
  assets?: ReadonlyMap<string, string>;
  /** A fixed timestamp and serial number (for reproducible output and tests); the current time otherwise. */
  now?: Date;
}

export interface ExportResult {
  /** The files to write, the main one first, by path relative to where the export goes. */
  files: OutputFile[];
  losses: Loss[];
}

export interface CardExporter {
  readonly id: ExportFormatId;
  export(card: Record<string, unknown>, options: ExportOptions): ExportResult;
}

export const importFormatIds = ['hf', 'mct', 'markdown'] as const;
export type ImportFormatId = (typeof importFormatIds)[number];

export const exportFormatIds = ['hf', 'mct', 'cyclonedx', 'json'] as const;
export type ExportFormatId = (typeof exportFormatIds)[number];
