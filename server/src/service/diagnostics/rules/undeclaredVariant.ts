import { declaredVariants, metricResults } from '../../card/cardData';
import { closestMatch } from '../../text/closestMatch';
import { yamlScalar } from '../../text/yamlText';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const undeclaredVariant: Rule = {
  code: RuleCode.UndeclaredVariant,
  name: 'undeclared-variant',
  defaultSeverity: 'warning',
  summary: "A result's `model` not under `variants`",
  rationale:
    'Results per model version or size (Whisper tiny … large, v1 against v5) are read against the variants the card describes; a result for an undescribed variant is a typo or a model nobody documented.',
  check: ({ card }) => {
    const variants = declaredVariants(card);
    return metricResults(card)
      .filter((result) => typeof result.model === 'string' && !variants.includes(result.model))
      .flatMap((result) => {
        const model = result.model as string;
        const suggestion = closestMatch(model, variants);
        const message = suggestion
          ? `Model variant \`${model}\` is not described under \`variants\`. Did you mean \`${suggestion}\`?`
          : `Model variant \`${model}\` is not described under \`variants\`: add it there with its size and what sets it apart.`;
        const fix = suggestion ? { kind: 'replace' as const, title: `Change to \`${suggestion}\``, newText: yamlScalar(suggestion) } : undefined;
        return findingAt(card, [...result.path, 'model'], message, fix);
      });
  },
};
