import { cardTemplates } from '../../templates/cardTemplates';
import type { KindFiles } from '../documentKind';

/** Model cards: their names, files and templates (what the editor knows before the server runs). */
export const modelCardFiles: KindFiles = {
  id: 'modelCard',
  label: 'Model card',
  summary: 'One model: what it is for and not for, how it was evaluated, its limitations and risks (Mitchell et al.)',
  words: { document: 'model card', short: 'card', subject: 'model' },
  languageId: 'modelcard',
  fileSuffixes: ['.modelcard.yaml', '.modelcard.yml'],
  templates: cardTemplates,
};
