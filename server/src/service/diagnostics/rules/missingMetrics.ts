import { isRecord } from '../../card/values';
import { findingIfMissing } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

/** A metric that suits each kind of task (Hugging Face pipeline tags), for the message's example. */
const exampleMetricByTask: Record<string, string> = {
  'automatic-speech-recognition': 'wer: 0.12',
  'text-generation': 'perplexity: 12.3',
  'fill-mask': 'perplexity: 4.1',
  translation: 'bleu: 27.4',
  summarization: 'rouge_l: 0.41',
  'object-detection': 'map: 0.45',
  'image-segmentation': 'mean_iou: 0.71',
  'tabular-regression': 'rmse: 4.2',
  'time-series-forecasting': 'mase: 0.9',
};

export const missingMetrics: Rule = {
  code: RuleCode.MissingMetrics,
  name: 'missing-metrics',
  defaultSeverity: 'error',
  summary: 'No metric results',
  rationale:
    'A card without measured results cannot tell anyone how well the model works (Mitchell et al. §4.4 and §4.7).',
  check: ({ card }) => {
    const task = isRecord(card.value) && typeof card.value.task === 'string' ? card.value.task : '';
    const example = exampleMetricByTask[task] ?? 'accuracy: 0.92';
    return findingIfMissing(card, ['metrics'], `The card reports no metric results: add \`metrics\` with at least one measured value, e.g. \`${example}\`.`);
  },
};
