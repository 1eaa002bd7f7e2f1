import { isMap, parseAllDocuments, type Document } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../kinds/documentKind';
import { modelCard } from '../kinds/modelCard';
import type { ParsedCard, ParseProblem } from './parsedCard';
import { checkTree, endOfLine } from './treeChecks';

/** Aliases a card may expand before we call it a resource-exhaustion attack. */
const MAX_ALIAS_EXPANSIONS = 100;

const problemKindByYamlCode: Record<string, ParseProblem['kind']> = {
  TAB_AS_INDENT: 'tabIndent',
};

/** Clearer words for the YAML library's messages that would puzzle a card's author. */
const messageByYamlCode: Record<string, string> = {
  // The library's parser recursed until the call stack ran out: its message is "Maximum call stack size exceeded".
  RESOURCE_EXHAUSTION: 'The YAML nests too deeply to be read here; this value is ignored. Flatten the nesting.',
};

/** The parse of a document of the given kind (its kind only words the messages here). */
export function parseCard(source: TextDocument, kind: DocumentKind = modelCard): ParsedCard {
  const { document: noun, short, subject } = kind.words;
  const text = source.getText();
  const document = TextDocument.create(source.uri, source.languageId, source.version, text);
  // Duplicate keys are found by checkTree: the library's check is quadratic in a mapping's size.
  // Editors and LSP count a lone \r (old Mac files) as a line break; YAML does not. Same length, same offsets.
  const yamlText = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const documents = parseAllDocuments(yamlText, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  const [first, ...extra] = Array.isArray(documents) ? documents : [];
  const tree = checkTree(first?.contents, text);
  // Where the library ran out of stack varies from run to run (it depends on the JIT): past our own depth limit, report only that.
  const errors = (first?.errors ?? []).filter((error) => !(tree.tooDeep && error.code === 'RESOURCE_EXHAUSTION'));
  const problems: ParseProblem[] = [];
  for (const error of errors) {
    problems.push({
      kind: problemKindByYamlCode[error.code] ?? 'syntax',
      message: messageByYamlCode[error.code] ?? firstLine(error.message),
      start: error.pos[0],
      end: error.pos[1],
    });
  }
  problems.push(...tree.problems);
  for (const extraDocument of extra) {
    const start = extraDocument.range[0];
    problems.push({
      kind: 'extraDocument',
      message: `A ${short} file holds one ${short}; this second YAML document is ignored. Move it to its own ${kind.fileSuffixes[0]} file.`,
      start,
      end: start + 3,
    });
  }
  const value = first && tree.valueIsSafe ? plainValue(first, problems) : undefined;
  const root = first && isMap(first.contents) ? first.contents : undefined;
  if (!first?.contents) {
    problems.push({ kind: 'empty', message: `This ${noun} is empty: start with \`name:\` and the name of the ${subject}.`, start: 0, end: 0 });
  } else if (!root) {
    const [start, end] = first.contents.range;
    problems.push({
      kind: 'notAMapping',
      message: `A ${noun} is a mapping of keys such as "name: ..."; this file holds a single value or a list instead.`,
      start,
      end: endOfLine(text, start, end),
    });
  }
  return { kind, document, text, yaml: first, root, value, problems };
}

/** The card as plain data; undefined, with a problem, when it cannot be built (aliases that expand too far). */
function plainValue(yaml: Document.Parsed, problems: ParseProblem[]): unknown {
  try {
    return yaml.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    const [start, end] = yaml.contents?.range ?? [0, 0];
    const aliasBomb = /alias/i.test(String(error));
    problems.push({
      kind: aliasBomb ? 'aliasBomb' : 'syntax',
      message: aliasBomb
        ? `The card's aliases expand too far (more than ${MAX_ALIAS_EXPANSIONS} copies, as in a "billion laughs" attack); schema checks are skipped. Replace the aliases with plain values.`
        : `The card could not be read as data (${String(error)}); schema checks are skipped.`,
      start,
      end: Math.min(end, start + 1),
    });
    return undefined;
  }
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0].replace(/ at line \d+, column \d+:?$/, '');
}
