import { metricResults } from '../../card/cardData';
import { monitors } from '../../card/monitoring';
import { closestMatch } from '../../text/closestMatch';
import { listText } from '../../text/listText';
import { yamlScalar } from '../../text/yamlText';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const monitoringUnknownMetric: Rule = {
  code: RuleCode.MonitoringUnknownMetric,
  name: 'monitoring-unknown-metric',
  defaultSeverity: 'warning',
  summary: 'A monitor (and its threshold) on a metric the card does not report',
  rationale:
    "A performance monitor's threshold is read against the card's own results: a threshold on a metric the card never reports has no baseline to decay from, and is often a typo of the metric's name.",
  check: ({ card }) => {
    const reported = [...new Set(metricResults(card).map((result) => result.name))];
    return monitors(card).flatMap((monitor) => {
      if (monitor.metric === undefined || reported.includes(monitor.metric)) return [];
      const closest = closestMatch(monitor.metric, reported);
      const known = reported.length > 0 ? `its metrics are ${listText(reported.map((name) => `\`${name}\``), 'and')}` : 'it reports no metrics';
      const message = `The monitor watches \`${monitor.metric}\`, which the card does not report (${known}).${closest ? ` Did you mean \`${closest}\`?` : ''}`;
      return findingAt(card, [...monitor.path, 'metric'], message, closest ? { kind: 'replace', title: `Change to \`${closest}\``, newText: yamlScalar(closest) } : undefined);
    });
  },
};
