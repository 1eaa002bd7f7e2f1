import { documentKinds, kindById } from '../../kinds/registry';
import type { IndexedLink } from '../../workspace/workspaceIndex';
import { RuleCode, type CrossFileRule } from '../ruleTypes';

export const linkToWrongKind: CrossFileRule = {
  code: RuleCode.LinkToWrongKind,
  name: 'link-to-wrong-kind',
  defaultSeverity: 'warning',
  summary: 'A link that leads to a document of the wrong kind (a dataset\'s `datasheet` to a model card) or to a file that is no document',
  rationale: "A component's `card` should lead to its model card or datasheet, and a dataset's `datasheet` to its datasheet: a link to anything else documents nothing about the part it names.",
  check: ({ entry, index, fileExists }) =>
    entry.links.flatMap((link) => {
      if (link.uri === undefined) return [];
      const target = index.get(link.uri);
      // A link to no file is MC120's.
      if (!target && !fileExists(link.uri)) return [];
      const kind = target ? target.summary.kind : kindByFileName(link.uri);
      if (kind !== undefined && link.expects.includes(kind)) return [];
      const found = kind !== undefined ? `a ${kindById(kind)?.words.document ?? kind}` : 'no model card, datasheet or system card (by its file name)';
      return [{ range: link.range, message: `\`${link.target}\` is ${found}; this link should lead to ${expected(link)}.` }];
    }),
};

/** The kind a file's name says it is, if any. */
function kindByFileName(uri: string): string | undefined {
  const path = uri.toLowerCase();
  return documentKinds.find((kind) => kind.fileSuffixes.some((suffix) => path.endsWith(suffix)))?.id;
}

function expected(link: IndexedLink): string {
  const names = link.expects.map((id) => {
    const kind = kindById(id);
    return kind ? `a ${kind.words.document} (\`*${kind.fileSuffixes[0]}\`)` : id;
  });
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0] ?? 'a document';
}
