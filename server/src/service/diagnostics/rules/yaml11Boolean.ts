import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { walkNodes } from '../../parsing/yamlNodes';
import { yaml11Booleans } from '../../text/yamlText';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

export const yaml11Boolean: Rule = {
  code: RuleCode.Yaml11Boolean,
  name: 'yaml11-boolean',
  defaultSeverity: 'warning',
  summary: 'Unquoted `yes`/`no`/`on`/`off`, booleans to YAML 1.1 readers',
  rationale:
    'YAML 1.1 parsers (PyYAML, which the Hugging Face Hub uses) read unquoted yes/no/on/off as true/false: `language: no` (Norwegian) becomes `false` there.',
  local: true,
  check: ({ card, unchanged }) => {
    const findings: Finding[] = [];
    walkNodes(card.root, (node) => {
      for (const scalar of plainChildren(node)) {
        if (unchanged?.(scalar)) continue;
        const text = card.text.slice(scalar.range![0], scalar.range![1]);
        if (!yaml11Booleans.test(text)) continue;
        findings.push({
          start: scalar.range![0],
          end: scalar.range![1],
          message: `Unquoted \`${text}\` is read as a boolean by ${readers(text)}. Quote it: '${text}'.`,
          fix: { kind: 'replace', title: `Quote as '${text}'`, newText: `'${text}'`, safe: true },
        });
      }
    }, unchanged);
    return findings;
  },
};

/** PyYAML (the Hugging Face Hub) reads yes/no/on/off as booleans, but not y/n, which only some YAML 1.1 tools do. */
function readers(text: string): string {
  return /^[yn]$/i.test(text) ? 'some YAML 1.1 tools' : 'YAML 1.1 tools such as the Hugging Face Hub';
}

/** The plain (unquoted) scalar keys and values directly inside a mapping or list. */
function* plainChildren(node: Node): Generator<Scalar> {
  const isPlain = (child: unknown): child is Scalar => isScalar(child) && child.type === Scalar.PLAIN && child.range !== undefined;
  if (isMap(node)) {
    for (const { key, value } of node.items) {
      if (isPlain(key)) yield key;
      if (isPlain(value)) yield value;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) if (isPlain(item)) yield item;
  }
}
