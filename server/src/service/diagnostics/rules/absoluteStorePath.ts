import { isRecord } from '../../card/values';
import { isAbsoluteStorePath, metricBindings } from '../../card/metricBindings';
import { findingAt } from '../ruleHelpers';
import { RuleCode, type Rule } from '../ruleTypes';

export const absoluteStorePath: Rule = {
  code: RuleCode.AbsoluteStorePath,
  name: 'absolute-store-path',
  defaultSeverity: 'warning',
  summary: 'A tracker store named by an absolute path (the card must work on every clone)',
  rationale:
    'A tracker store named by an absolute path exists on one machine only, and shows where its author keeps files: a path relative to the card works on every clone.',
  check: ({ card }) => {
    const provenance = isRecord(card.value) && isRecord(card.value.provenance) ? card.value.provenance : {};
    const stores = [
      ...metricBindings(card).map((binding) => ({ path: [...binding.path, 'source', 'store'], store: binding.source.store })),
      ...(typeof provenance.store === 'string' ? [{ path: ['provenance', 'store'], store: provenance.store }] : []),
    ];
    return stores
      .filter(({ store }) => isAbsoluteStorePath(store))
      .flatMap(({ path }) => findingAt(card, path, 'This store path is absolute: the card works only on this machine. Write it relative to the card (e.g. ../mlflow.db).'));
  },
};
