import { isScalar } from 'yaml';
import { walkNodes } from '../../parsing/yamlNodes';
import { placeholderPatterns } from '../../text/placeholders';
import { formatPath } from '../../text/yamlText';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

export const placeholder: Rule = {
  code: RuleCode.Placeholder,
  name: 'placeholder',
  defaultSeverity: 'warning',
  summary: 'Placeholder text: `TODO`, `TBD`, `[More Information Needed]`, template sample values ...',
  rationale:
    'Templates leave placeholders such as TODO or "[More Information Needed]"; a card published with them looks complete but says nothing (Hugging Face Trainer cards are full of them).',
  check: ({ card, settings }) => {
    const patterns = placeholderPatterns(settings.placeholders);
    if (patterns.length === 0) return [];
    const findings: Finding[] = [];
    walkNodes(card.root, (node, path) => {
      if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
      const [start, end] = node.range;
      const source = card.text.slice(start, end);
      for (const match of patterns.flatMap((pattern) => [...source.matchAll(pattern)])) {
        findings.push({
          start: start + match.index!,
          end: start + match.index! + match[0].length,
          message: `Placeholder \`${match[0]}\` left in \`${formatPath(path)}\`: replace it with what you know.`,
        });
      }
    });
    return findings;
  },
};
