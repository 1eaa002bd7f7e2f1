import { isScalar } from 'yaml';
import { walkNodes } from '../../parsing/yamlNodes';
import { formatPath } from '../../text/yamlText';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

export const emptyValue: Rule = {
  code: RuleCode.EmptyValue,
  name: 'empty-value',
  defaultSeverity: 'warning',
  summary: 'An empty text value',
  rationale: 'An empty string looks like an answer to tools and hubs but tells the reader nothing; write the content or remove the key.',
  local: true,
  check: ({ card, unchanged }) => {
    const findings: Finding[] = [];
    walkNodes(card.root, (node, path) => {
      if (isScalar(node) && typeof node.value === 'string' && node.value.trim() === '' && node.range && path.length > 0) {
        findings.push({
          start: node.range[0],
          end: node.range[1],
          message: `\`${formatPath(path)}\` is empty: write it, or remove the key.`,
        });
      }
    }, unchanged);
    return findings;
  },
};
