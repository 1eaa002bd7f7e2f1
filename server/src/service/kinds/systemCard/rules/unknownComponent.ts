import { isRecord } from '../../../card/values';
import { findingAt } from '../../../diagnostics/ruleHelpers';
import { RuleCode, type Finding, type Rule } from '../../../diagnostics/ruleTypes';
import type { CardPath } from '../../../parsing/yamlNodes';
import { closestMatch } from '../../../text/closestMatch';
import { isPlaceholderText } from '../../../text/placeholders';
import { formatPath, yamlScalar } from '../../../text/yamlText';
import { componentIds } from '../systemData';

export const unknownComponent: Rule = {
  code: RuleCode.UnknownComponent,
  name: 'unknown-component',
  defaultSeverity: 'error',
  summary: 'A data-flow edge (`from`, `to`) or a failure mode naming no component id',
  rationale: 'An edge or a failure mode that names no component describes a system other than the one documented: usually a typo, or a component that was renamed or removed.',
  check: ({ card, settings }) => {
    const ids = componentIds(card);
    if (!ids) return [];
    const value = isRecord(card.value) ? card.value : {};
    const references: { path: CardPath; id: unknown }[] = [
      ...items(value.data_flow).flatMap((edge, index) => ['from', 'to'].map((end) => ({ path: ['data_flow', index, end], id: edge[end] }))),
      ...items(value.failure_modes).flatMap((mode, index) =>
        (Array.isArray(mode.components) ? mode.components : []).map((id, position) => ({ path: ['failure_modes', index, 'components', position], id })),
      ),
    ];
    return references.flatMap(({ path, id }): Finding[] => {
      if (typeof id !== 'string' || ids.has(id) || isPlaceholderText(id, settings.placeholders)) return [];
      const suggestion = closestMatch(id, ids);
      const message = `\`${formatPath(path)}\` names no component: \`${id}\` is not the id of any of \`components\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`;
      return findingAt(card, path, message, suggestion ? { kind: 'replace', title: `Change to \`${suggestion}\``, newText: yamlScalar(suggestion) } : undefined);
    });
  },
};

/** The mappings in a list (anything else in it is the schema rules' to report). */
function items(list: unknown): Record<string, unknown>[] {
  return Array.isArray(list) ? list.map((item) => (isRecord(item) ? item : {})) : [];
}
