import { isRecord } from '../../card/values';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

/** A Jinja template's placeholder where the metadata should be (`{{card_data}}`, `{card_data}`). */
const templatePlaceholder = /^\s*\{\{?\s*[\w.]+\s*\}?\}\s*$/;

export const hubFrontMatter: Rule = {
  code: RuleCode.HubFrontMatter,
  name: 'hub-front-matter',
  defaultSeverity: 'error',
  summary: 'README.md: a metadata block that is not valid YAML, not a mapping of keys, or a template placeholder',
  rationale:
    'The Hub reads a README\'s metadata (the YAML between the `---` lines at the top) as a mapping of keys and refuses a push when it cannot ("Invalid metadata in README.md", espnet/espnet_model_zoo#102); huggingface_hub refuses a block that is a list.',
  check: ({ card, readme }) => {
    if (!readme?.hasMetadata) return [];
    const contents = card.yaml?.contents;
    const yamlText = contents?.range ? card.text.slice(contents.range[0], contents.range[1]) : '';
    if (templatePlaceholder.test(yamlText)) {
      return [{ start: contents!.range[0], end: contents!.range[1], message: `The metadata is a template placeholder (${yamlText.trim()}), not metadata: fill the template before pushing.` }];
    }
    const findings: Finding[] = card.problems
      .filter((problem) => ['syntax', 'aliasBomb', 'extraDocument', 'tabIndent', 'duplicateKey'].includes(problem.kind))
      .map(({ start, end, message, kind }) => ({ start, end: Math.max(end, start), message: kind === 'duplicateKey' ? `${message} The Hub keeps the last value.` : `The metadata is not valid YAML: ${message}` }));
    if (contents?.range && !isRecord(card.value) && card.value !== null && card.value !== undefined) {
      const what = Array.isArray(card.value) ? 'a list' : 'a single value';
      findings.push({ start: contents.range[0], end: contents.range[1], message: `The metadata is ${what}; the Hub wants a mapping of keys such as \`license: mit\`.` });
    }
    return findings;
  },
};
