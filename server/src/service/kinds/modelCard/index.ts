import authoredSchema from '../../../../../schemas/modelcard.schema.json';
import { documentSchema } from '../../schema/documentSchema';
import type { DocumentKind } from '../documentKind';
import { modelCardFiles } from './files';
import { itemLinks } from '../links';
import { modelCardRules, modelCardSectionRules } from './rules';
import { modelCardKeyNames, modelCardValueNames } from './valueNames';

/** Model cards (Mitchell et al., "Model Cards for Model Reporting"): `*.modelcard.yaml`. */
export const modelCard: DocumentKind = {
  ...modelCardFiles,
  schema: documentSchema('modelCard', authoredSchema),
  rules: modelCardRules,
  sectionRules: modelCardSectionRules,
  layout: {
    headerKeys: ['name', 'version', 'summary', 'schema_version'],
    detailsTitle: 'Model details',
    sections: [
      { key: 'variants', title: 'Model variants' },
      { key: 'intended_use', title: 'Intended use' },
      { key: 'factors' },
      { key: 'metrics' },
      { key: 'metric_definitions', title: 'Metric definitions' },
      { key: 'evaluation_data' },
      { key: 'training_data' },
      { key: 'quantitative_analyses' },
      { key: 'graphics', title: 'Figures' },
      { key: 'ethical_considerations' },
      { key: 'caveats_and_recommendations', title: 'Caveats and recommendations' },
      { key: 'limitations' },
      { key: 'tradeoffs' },
      { key: 'environment' },
      { key: 'training' },
      { key: 'monitoring' },
      { key: 'governance' },
    ],
    // A dataset's or result's `name`, a review's `reviewer`, a change's `version`.
    namingKeys: ['name', 'reviewer', 'version'],
  },
  // What Mitchell et al. and the Hugging Face template ask for.
  recommendedParts: [
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
  ],
  links: (card) => itemLinks(card, ['training_data', 'evaluation_data'], 'datasheet', 'name', ['datasheet']),
  valueNames: modelCardValueNames,
  keyNames: modelCardKeyNames,
};
