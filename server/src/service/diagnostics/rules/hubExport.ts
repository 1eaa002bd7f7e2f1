import { isRecord } from '../../card/values';
import { hubMetadataOf } from '../../formats/huggingFace/exportMetadata';
import { hubMetadataProblems } from '../../formats/huggingFace/hubMetadata';
import { extensionKey } from '../../formats/huggingFace/modelIndex';
import { findingOnKey } from '../ruleHelpers';
import { formatPath } from '../../text/yamlText';
import { RuleCode, type Finding, type Rule } from '../ruleTypes';
import { hubFinding } from '../hubRuleHelpers';

export const hubExport: Rule = {
  code: RuleCode.HubExport,
  name: 'hub-export',
  defaultSeverity: 'warning',
  summary: 'Hugging Face metadata the card would export that the Hub refuses (under `x-huggingface`), or results that cannot go into `model-index` without `task`',
  rationale:
    'Export writes the card\'s `x-huggingface` keys into the README\'s metadata as they are, and the Hub checks them on push (e.g. "widget" must be an array); `model-index` results need a task type. The card\'s own fields are checked by the other rules (licence, pipeline tag, language, YAML 1.1).',
  check: ({ card }) => {
    if (!isRecord(card.value)) return [];
    const { metadata, origins } = hubMetadataOf(card.value);
    const findings: Finding[] = hubMetadataProblems(metadata).flatMap((problem) => {
      const [key, ...rest] = problem.path;
      const origin = origins.get(String(key));
      // A model-index problem comes from what results keep under x-huggingface (a source without url...).
      if (key === 'model-index') return findingOnKey(card, ['metrics'], `Hugging Face export, ${formatPath(problem.path)}: ${problem.message}`);
      if (origin?.[0] !== extensionKey) return [];
      return [hubFinding(card, [...origin, ...rest], { ...problem, message: `Hugging Face export: ${problem.message}` })];
    });
    if (needsTask(card.value)) {
      findings.push(...findingOnKey(card, ['metrics'], 'Hugging Face export: `model-index` results need the card\'s `task` (a pipeline tag); without it the results go into the README\'s tables only.'));
    }
    return findings;
  },
};

/** The card is meant for the Hub (Hub fields, Hub datasets) and has results for model-index, but no task. */
function needsTask(card: Record<string, unknown>): boolean {
  if (typeof card.task === 'string' || !Array.isArray(card.metrics)) return false;
  const datasets = Array.isArray(card.evaluation_data) ? card.evaluation_data.filter(isRecord) : [];
  const forTheHub = card[extensionKey] !== undefined || card.library_name !== undefined || card.base_model !== undefined || datasets.some((dataset) => dataset.hub_id !== undefined);
  return forTheHub && card.metrics.some((result) => isRecord(result) && typeof result.dataset === 'string' && result.slice === undefined && result.across === undefined);
}
