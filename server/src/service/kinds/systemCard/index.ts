import modelCardSchema from '../../../../../schemas/modelcard.schema.json';
import systemCardSchema from '../../../../../schemas/systemcard.schema.json';
import { documentSchema } from '../../schema/documentSchema';
import type { DocumentKind } from '../documentKind';
import { systemCardFiles } from './files';
import { itemLinks } from '../links';
import { systemFlowGraph } from './diagram';
import { systemCardRules, systemCardSectionRules } from './rules';
import { systemCardValueNames } from './valueNames';

/** System cards: the documentation of an AI system made of several parts (RAG, ensembles, agents): `*.systemcard.yaml`. */
export const systemCard: DocumentKind = {
  ...systemCardFiles,
  // The model card's schema holds the definitions every kind shares (governance, people, dates).
  schema: documentSchema('systemCard', systemCardSchema, [modelCardSchema]),
  rules: systemCardRules,
  sectionRules: systemCardSectionRules,
  layout: {
    headerKeys: ['name', 'version', 'summary', 'schema_version'],
    detailsTitle: 'System details',
    sections: [
      { key: 'purpose' },
      { key: 'out_of_scope', title: 'Out-of-scope uses' },
      { key: 'components', table: ['id', 'kind', 'name', 'card', 'description'] },
      { key: 'data_flow', table: ['from', 'to', 'data', 'description'] },
      { key: 'requirements', table: ['target', 'measured', 'unit', 'measured_at', 'notes'] },
      { key: 'monitoring', table: ['signal', 'threshold', 'alert_owner', 'action'] },
      { key: 'failure_modes', table: ['name', 'components', 'likelihood', 'severity', 'mitigation', 'detection'] },
      { key: 'governance' },
    ],
    // A component's `id`, a failure mode's `name`, what flows along an edge, a monitor's `signal`.
    namingKeys: ['id', 'name', 'data', 'signal', 'reviewer', 'version'],
  },
  recommendedParts: [
    { label: 'System details (name, version, owners)', paths: [['name'], ['version'], ['owners']] },
    { label: 'Purpose', paths: [['purpose']] },
    { label: 'Components', paths: [['components']] },
    { label: 'Data flow', paths: [['data_flow']] },
    { label: 'Requirements', paths: [['requirements']] },
    { label: 'Monitoring', paths: [['monitoring']] },
    { label: 'Failure modes', paths: [['failure_modes']] },
  ],
  links: (card) => itemLinks(card, ['components'], 'card', 'id', ['modelCard', 'datasheet']),
  valueNames: systemCardValueNames,
  diagram: { section: 'components', graph: systemFlowGraph },
};
