import type { KindFiles } from '../documentKind';
import { systemCardTemplates } from './templates';

/** System cards: their names, files and templates (what the editor knows before the server runs). */
export const systemCardFiles: KindFiles = {
  id: 'systemCard',
  label: 'System card',
  summary: 'A system of several parts (RAG, ensembles, agents): its components, data flow, requirements and failure modes',
  words: { document: 'system card', short: 'system card', subject: 'system' },
  languageId: 'systemcard',
  fileSuffixes: ['.systemcard.yaml', '.systemcard.yml'],
  templates: systemCardTemplates,
};
