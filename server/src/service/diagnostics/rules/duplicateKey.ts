import { isMap, isScalar, type Scalar } from 'yaml';
import { walkNodes } from '../../parsing/yamlNodes';
import { formatPath } from '../../text/yamlText';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

export const duplicateKey: Rule = {
  code: RuleCode.DuplicateKey,
  name: 'duplicate-key',
  defaultSeverity: 'error',
  summary: 'A key given twice in one mapping',
  rationale: 'With a key given twice, YAML tools disagree on which value wins (some keep the first, some the last, some refuse the file).',
  check: ({ card }) => {
    const findings: Finding[] = [];
    walkNodes(card.root, (node, path) => {
      if (!isMap(node)) return;
      const firstByKey = new Map<unknown, Scalar>();
      for (const { key } of node.items) {
        if (!isScalar(key) || !key.range) continue;
        const first = firstByKey.get(key.value);
        if (!first) {
          firstByKey.set(key.value, key);
          continue;
        }
        const where = path.length === 0 ? '' : ` in \`${formatPath(path)}\``;
        findings.push({
          start: key.range[0],
          end: key.range[1],
          message: `Duplicate key \`${String(key.value)}\`${where}, first given on line ${card.document.positionAt(first.range![0]).line + 1}: YAML tools disagree on which value wins. Keep one.`,
        });
      }
    });
    return findings;
  },
};
