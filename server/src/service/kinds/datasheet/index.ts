import datasheetSchema from '../../../../../schemas/datasheet.schema.json';
import modelCardSchema from '../../../../../schemas/modelcard.schema.json';
import { documentSchema } from '../../schema/documentSchema';
import type { DocumentKind } from '../documentKind';
import { datasheetFiles } from './files';
import { datasheetRules, datasheetSectionRules } from './rules';

/** Datasheets for datasets (Gebru et al., "Datasheets for Datasets"): `*.datasheet.yaml`. */
export const datasheet: DocumentKind = {
  ...datasheetFiles,
  // The model card's schema holds the definitions every kind shares (governance, people, dates, licences, languages).
  schema: documentSchema('datasheet', datasheetSchema, [modelCardSchema]),
  rules: datasheetRules,
  sectionRules: datasheetSectionRules,
  layout: {
    headerKeys: ['name', 'version', 'summary', 'schema_version', 'pretty_name'],
    detailsTitle: 'Dataset details',
    sections: [
      { key: 'motivation' },
      { key: 'composition' },
      { key: 'collection_process', title: 'Collection process' },
      { key: 'preprocessing', title: 'Preprocessing, cleaning and labelling' },
      { key: 'personal_data', title: 'People in the data' },
      { key: 'uses' },
      { key: 'distribution' },
      { key: 'maintenance' },
      { key: 'configs', title: 'Configurations', table: ['config_name', 'data_files', 'data_dir', 'default'] },
      { key: 'governance' },
    ],
    namingKeys: ['name', 'config_name', 'reviewer', 'version'],
  },
  recommendedParts: [
    { label: 'Dataset details (name, version, owners, licence)', paths: [['name'], ['version'], ['owners'], ['license']] },
    { label: 'Motivation', paths: [['motivation']] },
    { label: 'Composition', paths: [['composition']] },
    { label: 'Collection process', paths: [['collection_process']] },
    { label: 'Preprocessing', paths: [['preprocessing']] },
    { label: 'People in the data', paths: [['personal_data', 'present']] },
    { label: 'Uses', paths: [['uses']] },
    { label: 'Distribution', paths: [['distribution']] },
    { label: 'Maintenance', paths: [['maintenance']] },
  ],
  links: () => [],
};
