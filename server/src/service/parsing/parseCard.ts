import { isMap, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** A problem found while reading the YAML itself, before any model-card rule runs. */
export interface ParseProblem {
  kind: 'syntax' | 'duplicateKey' | 'tabIndent' | 'aliasBomb' | 'extraDocument' | 'notAMapping' | 'empty';
  message: string;
  /** Offsets into the document text. */
  start: number;
  end: number;
}

/** One parse of one version of a card: the YAML tree, its plain value, and what went wrong. */
export interface ParsedCard {
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

/** Aliases a card may expand before we call it a resource-exhaustion attack. */
const MAX_ALIAS_EXPANSIONS = 100;

const problemKindByYamlCode: Record<string, ParseProblem['kind']> = {
  DUPLICATE_KEY: 'duplicateKey',
  TAB_AS_INDENT: 'tabIndent',
};

export function parseCard(source: TextDocument): ParsedCard {
  const text = source.getText();
  const document = TextDocument.create(source.uri, source.languageId, source.version, text);
  const documents = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  const [first, ...extra] = Array.isArray(documents) ? documents : [];
  const problems: ParseProblem[] = [];
  for (const error of first?.errors ?? []) {
    problems.push({
      kind: problemKindByYamlCode[error.code] ?? 'syntax',
      message: firstLine(error.message),
      start: error.pos[0],
      end: error.pos[1],
    });
  }
  for (const extraDocument of extra) {
    const start = extraDocument.range[0];
    problems.push({
      kind: 'extraDocument',
      message: 'A card file holds one card; this second YAML document is ignored. Move it to its own .modelcard.yaml file.',
      start,
      end: start + 3,
    });
  }
  const value = first ? plainValue(first, problems) : undefined;
  const root = first && isMap(first.contents) ? first.contents : undefined;
  if (!first?.contents) {
    problems.push({ kind: 'empty', message: 'This model card is empty: start with `name:` and the name of the model.', start: 0, end: 0 });
  } else if (!root) {
    const [start, end] = first.contents.range;
    problems.push({
      kind: 'notAMapping',
      message: 'A model card is a mapping of keys such as "name: ..."; this file holds a single value or a list instead.',
      start,
      end: endOfLine(text, start, end),
    });
  }
  return { document, text, yaml: first, root, value, problems };
}

function plainValue(yaml: Document.Parsed, problems: ParseProblem[]): unknown {
  try {
    return yaml.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    const [start, end] = yaml.contents?.range ?? [0, 0];
    problems.push({
      kind: 'aliasBomb',
      message: `The card's aliases expand too far (${String((error as Error).message)}); schema checks are skipped. Replace the aliases with plain values.`,
      start,
      end: Math.min(end, start + 1),
    });
    return undefined;
  }
}

/** The end of the line that `start` is on, or `end` if that comes first. */
function endOfLine(text: string, start: number, end: number): number {
  const lineBreak = text.slice(start, end).search(/\r?\n/);
  return lineBreak === -1 ? end : start + lineBreak;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0].replace(/ at line \d+, column \d+:?$/, '');
}
