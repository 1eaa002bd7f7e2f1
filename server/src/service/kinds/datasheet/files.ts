import type { KindFiles } from '../documentKind';
import { datasheetTemplates } from './templates';

/** Datasheets: their names, files and templates (what the editor knows before the server runs). */
export const datasheetFiles: KindFiles = {
  id: 'datasheet',
  label: 'Datasheet',
  summary: 'One dataset: why it was made, what it holds, how it was collected, processed and may be used (Gebru et al.)',
  words: { document: 'datasheet', short: 'datasheet', subject: 'dataset' },
  languageId: 'datasheet',
  fileSuffixes: ['.datasheet.yaml', '.datasheet.yml'],
  templates: datasheetTemplates,
};
