import { isScalar } from 'yaml';
import { walkNodes } from '../../parsing/yamlNodes';
import { placeholderPatterns } from '../../text/placeholders';
import { formatPath } from '../../text/yamlText';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

/** One value gets at most this many placeholder findings; the last one counts the others (a 1 MB line of TODOs makes ten). */
export const maxFindingsPerValue = 10;

export const placeholder: Rule = {
  code: RuleCode.Placeholder,
  name: 'placeholder',
  defaultSeverity: 'warning',
  summary: 'Placeholder text: `TODO`, `TBD`, `[More Information Needed]`, template sample values ...',
  rationale:
    'Templates leave placeholders such as TODO or "[More Information Needed]"; a card published with them looks complete but says nothing (Hugging Face Trainer cards are full of them).',
  local: true,
  check: ({ card, settings, unchanged }) => {
    const patterns = placeholderPatterns(settings.placeholders);
    if (patterns.length === 0) return [];
    const findings: Finding[] = [];
    walkNodes(card.root, (node, path) => {
      if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
      const [start, end] = node.range;
      const source = card.text.slice(start, end);
      const shown: RegExpMatchArray[] = [];
      let count = 0;
      for (const pattern of patterns) {
        for (const match of source.matchAll(pattern)) {
          if (shown.length < maxFindingsPerValue) shown.push(match);
          count++;
        }
      }
      shown.forEach((match, index) => {
        const others = index === shown.length - 1 ? count - shown.length : 0;
        const where = `\`${formatPath(path)}\``;
        findings.push({
          start: start + match.index!,
          end: start + match.index! + match[0].length,
          message: others > 0
            ? `Placeholder \`${match[0]}\` left in ${where}, and ${others.toLocaleString('en-US')} more in this value: replace them with what you know.`
            : `Placeholder \`${match[0]}\` left in ${where}: replace it with what you know.`,
        });
      });
    }, unchanged);
    return findings;
  },
};
