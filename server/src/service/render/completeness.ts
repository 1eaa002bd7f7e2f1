import type { ParsedCard } from '../parsing/parsedCard';
import { nodeAt, type CardPath } from '../parsing/yamlNodes';
import { hasContent, valueAt } from '../card/values';

export interface Completeness {
  /** Share of the recommended parts that are written, 0–100. */
  score: number;
  /** The parts still missing or left as placeholders, in reading order. */
  missing: string[];
}

/** The parts of a card that Mitchell et al. and the Hugging Face template ask for. */
const recommendedParts: { label: string; paths: CardPath[]; otherwise?: CardPath }[] = [
  { label: 'Model details (name, version, owners, licence)', paths: [['name'], ['version'], ['owners'], ['license']] },
  { label: 'Intended uses', paths: [['intended_use', 'primary_uses']] },
  { label: 'Out-of-scope uses', paths: [['intended_use', 'out_of_scope']] },
  { label: 'Factors', paths: [['factors']] },
  { label: 'Metrics', paths: [['metrics']] },
  { label: 'Evaluation data', paths: [['evaluation_data']] },
  { label: 'Training data', paths: [['training_data']] },
  { label: 'Quantitative analyses', paths: [['quantitative_analyses']] },
  { label: 'Ethical considerations', paths: [['ethical_considerations']] },
  { label: 'Caveats and recommendations', paths: [['caveats_and_recommendations']] },
  // Mitchell et al.'s own sections state failure modes under caveats (as rule MC001 accepts).
  { label: 'Limitations', paths: [['limitations']], otherwise: ['caveats_and_recommendations'] },
];

export function completeness(card: ParsedCard, placeholders: readonly string[]): Completeness {
  const missing = recommendedParts
    .filter(({ paths, otherwise }) => !paths.every((path) => isWritten(card, path, placeholders)) && !(otherwise && isWritten(card, otherwise, placeholders)))
    .map(({ label }) => label);
  const score = Math.round((100 * (recommendedParts.length - missing.length)) / recommendedParts.length);
  return { score, missing };
}

/** Present, and holding some text that is not a placeholder. */
function isWritten(card: ParsedCard, path: CardPath, placeholders: readonly string[]): boolean {
  return nodeAt(card.root, path) !== undefined && hasContent(valueAt(card.value, path), placeholders);
}
