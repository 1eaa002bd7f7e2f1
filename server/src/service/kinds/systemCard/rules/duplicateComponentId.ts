import { findingAt } from '../../../diagnostics/ruleHelpers';
import { RuleCode, type Rule } from '../../../diagnostics/ruleTypes';
import { nodeAt } from '../../../parsing/yamlNodes';
import { components } from '../systemData';

export const duplicateComponentId: Rule = {
  code: RuleCode.DuplicateComponentId,
  name: 'duplicate-component-id',
  defaultSeverity: 'error',
  summary: 'Two components of a system card with the same `id`',
  rationale: 'The data flow and the failure modes name components by their id: with two components of one id, nobody can tell which one an edge or a failure mode means.',
  check: ({ card }) => {
    const firstPathById = new Map<string, readonly (string | number)[]>();
    return components(card).flatMap(({ id, path }) => {
      const first = firstPathById.get(id);
      if (!first) {
        firstPathById.set(id, path);
        return [];
      }
      const firstLine = card.document.positionAt(nodeAt(card.root, [...first, 'id'])?.range?.[0] ?? 0).line + 1;
      return findingAt(card, [...path, 'id'], `Component id \`${id}\` is already given on line ${firstLine}: edges and failure modes could not tell the two apart. Give each component its own id.`);
    });
  },
};
