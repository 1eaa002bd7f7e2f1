import { isMap, LineCounter, parseDocument } from 'yaml';
import type { KindFiles } from '../kinds/documentKind';
import { kindOfFileName } from '../kinds/kindFiles';
import type { CardTemplate } from './cardTemplates';
import { fillTemplate } from './cardFile';

/** A file of the organisation's templates folder (the policy's `templates:`), as the caller read it. */
export interface TemplateFile {
  /** Its name in the folder: `clinical-imaging.modelcard.yaml`. */
  name: string;
  text: string;
}

/** An organisation's template, offered beside the kind's built-in ones. */
export interface OrgTemplate extends CardTemplate {
  /** The kind of document it makes (its file's suffix says): `modelCard`, `datasheet`, `systemCard`. */
  kindId: string;
  /** Its file name in the templates folder. */
  fileName: string;
}

export interface OrgTemplates {
  /** In the order of their file names. */
  templates: OrgTemplate[];
  /** A file left out, each in one line: `bad.modelcard.yaml:3:7: not valid YAML: ...`. */
  problems: string[];
}

/**
 * Org template ids start with this, so that they never take a built-in template's place (the
 * organisation's `standard.modelcard.yaml` is `org:standard`, beside the built-in `standard`),
 * and a built-in template added later cannot change what an org id means.
 */
export const orgTemplatePrefix = 'org:';

/**
 * The templates of an organisation's folder: each `*.modelcard.yaml`, `*.datasheet.yaml` or
 * `*.systemcard.yaml` file (another kind's suffix, another kind) is a template of that kind, with
 * the id `org:<file stem>`, labelled by the file's first comment line (else its name). `${name}`
 * stands for the name of the model, dataset or system, as in the built-in templates. A file that is
 * not valid YAML, or not a mapping of keys, is left out with a one-line problem; other files
 * (a README) are not templates and are passed over.
 */
export function orgTemplates(files: readonly TemplateFile[], kinds: readonly KindFiles[], organisation?: string): OrgTemplates {
  const templates: OrgTemplate[] = [];
  const problems: string[] = [];
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const kind = kindOfFileName(file.name, kinds);
    if (!kind) continue;
    const id = `${orgTemplatePrefix}${fileStem(file.name, kind)}`;
    const problem = templateProblem(file.text);
    const twin = templates.find((template) => template.kindId === kind.id && template.id === id);
    if (problem) problems.push(`${file.name}:${problem}`);
    else if (twin) problems.push(`${file.name}: same template id (${id}) as ${twin.fileName}: rename one of them`);
    else {
      const detail = `${organisation ? `${organisation} template` : 'Organisation template'} (${file.name})`;
      templates.push({ id, label: leadingComment(file.text) ?? file.name, detail, text: file.text, kindId: kind.id, fileName: file.name });
    }
  }
  return { templates, problems };
}

/** The name without the kind's suffix (`.modelcard.yaml`, `.modelcard.yml`), in any case. */
function fileStem(fileName: string, kind: KindFiles): string {
  const suffix = kind.fileSuffixes.find((candidate) => fileName.toLowerCase().endsWith(candidate)) ?? '';
  return fileName.slice(0, fileName.length - suffix.length);
}

/**
 * `line:column: message` when the template, filled with a name, is not a card's YAML mapping. The
 * name has as many characters as `${name}`, so positions are those of the file as written.
 */
function templateProblem(text: string): string | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(fillTemplate(text, 'Example'), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return `${line}:${col}: not valid YAML: ${error.message.split('\n')[0]}`;
  }
  if (!isMap(document.contents)) return '1:1: not a template: a card is a mapping of keys such as `name:`';
  return undefined;
}

/** The text of the file's first comment line (`# Clinical imaging model` → "Clinical imaging model"), if it starts with one. */
function leadingComment(text: string): string | undefined {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const comment = /^#\s*(.*?)\s*$/.exec(first)?.[1];
  return comment || undefined;
}
