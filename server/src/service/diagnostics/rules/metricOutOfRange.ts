import { boundPath, metricDefinitions, metricResults, type MetricResult } from '../../card/cardData';
import { expectedRange, type ExpectedRange } from '../../card/metricScale';
import type { ParsedCard } from '../../parsing/parsedCard';
import { nodeAt, type CardPath } from '../../parsing/yamlNodes';
import { findingAt, writtenValue } from '../ruleHelpers';
import { RuleCode, type FindingFix, type OneFix, type Rule } from '../ruleTypes';
import type { OffsetEdit } from '../../edits/lineEdits';

export const metricOutOfRange: Rule = {
  code: RuleCode.MetricOutOfRange,
  name: 'metric-out-of-range',
  defaultSeverity: 'error',
  summary: 'Accuracy, precision, recall, F1, AUC ... outside [0, 1] (or [0, 100] with `unit: percent`); a metric outside its defined `range`',
  rationale:
    'Rates and scores such as accuracy, precision, recall, F1 and AUC lie between 0 and 1 (or 0 and 100 with `unit: percent`), and a metric defined with a `range` stays in it; a value outside is a typo or a percentage.',
  check: ({ card }) => {
    const definitions = metricDefinitions(card);
    return metricResults(card).flatMap((result) => {
      const expected = expectedRange(result, definitions.get(result.name));
      if (!expected || typeof result.value !== 'number' || !Number.isFinite(result.value)) return [];
      const [low, high] = expected.range;
      if (result.value >= low && result.value <= high) return [];
      const valuePath = result.form === 'short' ? result.path : [...result.path, 'value'];
      const written = writtenValue(card, valuePath, result.value);
      const percentage = expected.reason === 'rate' && result.value > 1 && result.value <= 100;
      const message = percentage
        ? `\`${result.name}\` is ${written}, outside [0, 1]. If it is a percentage, write ${asFraction(result.value)}${result.form === 'list' ? ', or say so with `unit: percent`' : ''}.`
        : `\`${result.name}\` is ${written}, outside ${rangeText(expected)}.`;
      return findingAt(card, valuePath, message, percentage ? percentageFixes(card, result, valuePath) : undefined);
    });
  },
};

function rangeText({ range, reason }: ExpectedRange): string {
  const interval = `[${range[0]}, ${range[1]}]`;
  if (reason === 'definition') return `its range ${interval} in \`metric_definitions\``;
  return reason === 'percent' ? `${interval} (it is a percentage: \`unit: percent\`)` : interval;
}

function asFraction(value: number): number {
  return Number((value / 100).toPrecision(12));
}

/** Rescale the value and its interval to a fraction (safe: the same quantity), or keep the numbers and mark them as a percentage. */
function percentageFixes(card: ParsedCard, result: MetricResult, valuePath: CardPath): FindingFix {
  const rescale: OneFix<OffsetEdit> = {
    kind: 'edits',
    title: `Change to ${asFraction(result.value as number)}${result.bounds ? ' (and its confidence interval)' : ''}`,
    edits: [valuePath, ...(result.bounds ? [boundPath(result, 0), boundPath(result, 1)] : [])].flatMap((path) => rescaled(card, path)),
    safe: true,
  };
  if (result.form === 'short' || result.unit !== undefined) return rescale;
  return { kind: 'choices', fixes: [rescale, { kind: 'insertKey', path: [...result.path, 'unit'], valueText: 'percent', title: 'Mark it as a percentage (`unit: percent`)' }] };
}

function rescaled(card: ParsedCard, path: CardPath): OffsetEdit[] {
  const node = nodeAt(card.root, path);
  if (!node?.range || typeof (node as { value?: unknown }).value !== 'number') return [];
  return [{ start: node.range[0], end: node.range[1], text: String(asFraction((node as { value: number }).value)) }];
}
