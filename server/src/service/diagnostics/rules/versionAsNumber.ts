import { isMap, isScalar, Scalar } from 'yaml';
import { walkNodes, type CardPath } from '../../parsing/yamlNodes';
import type { DocumentSchema } from '../../schema/documentSchema';
import { acceptsType, alternatives } from '../../schema/schemaNavigator';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';

const versionKey = /(^|_)version$/i;

export const versionAsNumber: Rule = {
  code: RuleCode.VersionAsNumber,
  name: 'version-as-number',
  defaultSeverity: 'warning',
  summary: 'An unquoted version read as a number (`1.10` read as 1.1)',
  rationale: 'YAML reads an unquoted version such as 1.10 as the number 1.1, so "1.10" and "1.1" become the same version.',
  local: true,
  check: ({ card, unchanged }) => {
    const findings: Finding[] = [];
    walkNodes(card.root, (node, path) => {
      if (!isMap(node)) return;
      for (const { key, value } of node.items) {
        if (!isScalar(key) || !versionKey.test(String(key.value)) || !isScalar(value) || value.type !== Scalar.PLAIN) continue;
        if (!takesText(card.kind.schema, [...path, String(key.value)])) continue;
        const text = card.text.slice(value.range![0], value.range![1]);
        if (typeof value.value !== 'number' || /^[-+]?\d+$/.test(text)) continue;
        const reading = String(value.value) === text ? 'a number' : `the number ${value.value}`;
        findings.push({
          start: value.range![0],
          end: value.range![1],
          message: `YAML reads version ${text} as ${reading}. Quote it to keep it as written: '${text}'.`,
          fix: { kind: 'replace', title: `Quote as '${text}'`, newText: `'${text}'`, safe: true },
        });
      }
    }, unchanged);
    return findings;
  },
};

/** Whether the schema lets the value at `path` be text (`schema_version` is a number; custom keys may be anything). */
function takesText(documentSchema: DocumentSchema, path: CardPath): boolean {
  const schema = documentSchema.at(path);
  return !schema || alternatives(schema).some((alternative) => alternative.type === undefined || acceptsType(alternative, 'string'));
}
