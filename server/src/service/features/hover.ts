import { stringify } from 'yaml';
import { MarkupKind, type Diagnostic, type Hover, type Position } from 'vscode-languageserver-types';
import { kindRules } from '../diagnostics/validate';
import { summaryRules } from '../diagnostics/rules';
import type { DocumentKind } from '../kinds/documentKind';
import type { ParsedCard } from '../parsing/parsedCard';
import { locate } from '../parsing/locate';
import { vocabularies } from '../schema/vocabularyTerms';
import { alternatives, describeType, type JsonSchema } from '../schema/schemaNavigator';
import { hfLicensesSource } from '../vocabulary/vocabularies';
import { toRange } from '../parsing/nodeSpans';
import type { TrackerValues } from '../trackers/boundValues';
import type { Policy } from '../policy/policy';
import { boundValueHover } from './boundValueHover';
import { signOffHover } from './signOffLenses';

/**
 * Hover guidance: on a key, what belongs there (Mitchell et al.'s prompts, who writes it), the
 * expected type and an example; on a section's key, who signed it and whether that still holds;
 * on a value from a vocabulary, what it means; on a bound result's value, what its run says; on a
 * diagnostic, why its rule exists.
 */
export function hover(card: ParsedCard, position: Position, diagnostics: readonly Diagnostic[], trackerValues?: TrackerValues, policy?: Policy): Hover | null {
  const offset = card.document.offsetAt(position);
  const location = locate(card.root, offset);
  const sections: string[] = [];
  if (location) {
    const schema = card.kind.schema.at(location.path);
    const text = schema && (location.target === 'key' ? keyGuidance(location.path, schema) : valueMeaning(schema, (location.node as { value?: unknown }).value));
    const run = location.target === 'value' ? boundValueHover(card, location.path, trackerValues) : undefined;
    const signed = location.target === 'key' && location.path.every((segment) => typeof segment === 'string') ? signOffHover(card, policy, location.path.join('.')) : undefined;
    for (const section of [run, signed, text]) if (section) sections.push(section);
  }
  sections.push(...ruleRationales(card.kind, diagnostics, position));
  if (sections.length === 0) return null;
  const range = location?.node.range;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    ...(range ? { range: toRange(card, [range[0], range[1]]) } : {}),
  };
}

function keyGuidance(path: readonly (string | number)[], schema: JsonSchema): string {
  const key = String(path[path.length - 1]);
  const description = typeof schema.markdownDescription === 'string' ? schema.markdownDescription : String(schema.description ?? '');
  const example = Array.isArray(schema.examples) && schema.examples.length > 0 ? stringify({ [key]: schema.examples[0] }).trimEnd() : undefined;
  return [
    `**${key}**`,
    description,
    `*Expected:* ${describeType(schema)}`,
    ...(example ? [`*Example:*\n\`\`\`yaml\n${example}\n\`\`\``] : []),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function valueMeaning(schema: JsonSchema, value: unknown): string | undefined {
  const id = String(value);
  for (const alternative of alternatives(schema)) {
    const vocabulary = alternative['x-vocabulary'];
    if (typeof vocabulary === 'string') {
      const term = vocabularies[vocabulary]?.find((candidate) => candidate.id === id);
      if (!term) continue;
      const source = term.detail === 'Hugging Face licence id' ? `\n\n*Source:* ${hfLicensesSource}` : '';
      return `**${term.id}**${term.name ? `: ${term.name}` : ''}${term.detail ? ` · ${term.detail}` : ''}${source}`;
    }
    if (Array.isArray(alternative.enum)) {
      const index = alternative.enum.map(String).indexOf(id);
      const description = (alternative.enumDescriptions as string[] | undefined)?.[index];
      if (index >= 0 && description) return `**${id}**: ${description}`;
    }
  }
  return undefined;
}

/** Why the rules of the diagnostics under `position` exist (the rules of the document's kind). */
function ruleRationales(kind: DocumentKind, diagnostics: readonly Diagnostic[], position: Position): string[] {
  const rules = [...kindRules(kind), ...summaryRules];
  return diagnostics
    .filter((diagnostic) => contains(diagnostic, position))
    .flatMap((diagnostic) => {
      const rule = rules.find((candidate) => candidate.code === String(diagnostic.code));
      return rule ? [`**${rule.code} ${rule.name}**: ${rule.rationale}`] : [];
    })
    .filter((text, index, all) => all.indexOf(text) === index);
}

function contains({ range }: Diagnostic, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
