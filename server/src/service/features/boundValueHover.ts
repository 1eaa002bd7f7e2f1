import { bindingKey, metricBindings } from '../card/metricBindings';
import type { ParsedCard } from '../parsing/parsedCard';
import type { CardPath } from '../parsing/yamlNodes';
import { shortRunId, type BoundValue, type TrackerValues } from '../trackers/boundValues';
import { numberText } from '../trackers/precision';

/**
 * On a bound result's value or source: what its run says (run, date, status) and the value's
 * history (min, max, last steps), from the values the server read; undefined elsewhere.
 */
export function boundValueHover(card: ParsedCard, path: CardPath, trackerValues: TrackerValues | undefined): string | undefined {
  if (!trackerValues || path[0] !== 'metrics' || (path[2] !== 'value' && path[2] !== 'source')) return undefined;
  const binding = metricBindings(card).find((candidate) => candidate.path[1] === path[1]);
  const result = binding && trackerValues.get(bindingKey(binding.source));
  if (!binding || !result) return undefined;
  if ('problem' in result) return `**${binding.source.tracker} run ${shortRunId(binding.source.run)}**: cannot be read (${result.problem})`;
  return describe(binding.source.key, result.found);
}

function describe(key: string, bound: BoundValue): string {
  const { run } = bound;
  const heading = [
    `**Run ${shortRunId(run.id)}**${run.name ? ` (${run.name})` : ''}`,
    ...(run.startTime !== undefined ? [formatDate(run.startTime)] : []),
    run.deleted ? `${run.status}, deleted` : run.status,
  ].join(' · ');
  const lines = [heading, `\`${key}\` = ${numberText(bound.value)} at step ${bound.step}`];
  const history = bound.history;
  if (history) {
    lines.push(`History: ${history.count} point${history.count === 1 ? '' : 's'}, min ${numberText(history.min)}, max ${numberText(history.max)}`);
    lines.push(`Last steps: ${history.last.map((point) => `${point.step} → ${numberText(point.value)}`).join(', ')}`);
  }
  return lines.join('\n\n');
}

/** `2023-11-14 22:13 UTC`: runs are compared across machines, so the time zone is UTC. */
function formatDate(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
