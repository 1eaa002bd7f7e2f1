import { RuleCode, type CrossFileRule } from '../ruleTypes';

export const brokenLink: CrossFileRule = {
  code: RuleCode.BrokenLink,
  name: 'broken-link',
  defaultSeverity: 'error',
  summary: 'A link to another document (a component\'s `card`, a dataset\'s `datasheet`) that leads to no file',
  rationale:
    'A link that leads nowhere breaks the chain of documentation a reviewer follows from a system to its models and from a model to its data; links are relative to the folder of the document they are written in.',
  check: ({ entry, index, fileExists }) =>
    entry.links
      .filter((link) => link.uri !== undefined && !index.has(link.uri) && !fileExists(link.uri))
      .map((link) => ({ range: link.range, message: `\`${link.target}\` does not exist: no file at this path relative to this document's folder.` })),
};
