import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { walkNodes } from '../../parsing/yamlNodes';
import { yaml11Booleans } from '../../text/yamlText';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

/** Plain scalars that PyYAML (YAML 1.1, the Hub's parser) reads other than a YAML 1.2 parser does, and as what. */
const yaml11Readings: [RegExp, string][] = [
  [yaml11Booleans, 'a boolean'],
  [/^\d{4}-\d\d?-\d\d?(?:[Tt ]\d\d?:\d\d:\d\d(?:\.\d*)?)?$/, 'a date'],
  [/^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?$/, 'a number in base 60 (1:20 is 80)'],
  [/^[-+]?0[0-7_]+$/, 'an octal number (010 is 8)'],
  [/^[-+]?\d[\d_]*_[\d_]*(?:\.[\d_]*)?$/, 'a number (underscores dropped)'],
];

export const hubYaml11: Rule = {
  code: RuleCode.HubYaml11,
  name: 'hub-yaml11',
  defaultSeverity: 'warning',
  summary: 'README.md: unquoted values the Hub\'s YAML 1.1 parser reads differently (`no`, `on`, dates, `1:20`, `010`)',
  rationale:
    'The Hub and huggingface_hub read metadata with PyYAML, a YAML 1.1 parser: `language: no` (Norwegian) becomes false, `on` true, `2020-02-02` a date, `1:20` the number 80 and `010` the number 8, while editors (YAML 1.2) show text (huggingface/huggingface_hub#2564).',
  check: ({ card, readme }) => {
    if (!readme) return [];
    const findings: Finding[] = [];
    walkNodes(card.root, (node) => {
      for (const scalar of plainChildren(node)) {
        const text = card.text.slice(scalar.range![0], scalar.range![1]);
        const reading = yaml11Readings.find(([pattern]) => pattern.test(text));
        if (!reading) continue;
        findings.push({
          start: scalar.range![0],
          end: scalar.range![1],
          message: `The Hub's YAML 1.1 parser reads unquoted \`${text}\` as ${reading[1]}. Quote it: '${text}'.`,
          fix: { kind: 'replace', title: `Quote as '${text}'`, newText: `'${text}'`, safe: true },
        });
      }
    });
    return findings;
  },
};

/** The plain (unquoted) scalar values directly inside a mapping or list (keys too: `no:` is a boolean key). */
function plainChildren(node: Node): Scalar[] {
  const children = isMap(node) ? node.items.flatMap((pair) => [pair.key, pair.value]) : isSeq(node) ? node.items : [];
  return children.filter((child): child is Scalar => isScalar(child) && child.type === Scalar.PLAIN && child.range !== undefined);
}
