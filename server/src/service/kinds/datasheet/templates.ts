import minimal from '../../../../../templates/minimal.datasheet.yaml';
import standard from '../../../../../templates/standard.datasheet.yaml';
import type { CardTemplate } from '../../templates/cardTemplates';

/** The datasheet templates (templates/*.datasheet.yaml), in the order they are offered. */
export const datasheetTemplates: readonly CardTemplate[] = [
  { id: 'minimal', label: 'Minimal', detail: 'One question of each section of Gebru et al., the licence and a contact', text: minimal },
  { id: 'standard', label: 'Standard', detail: 'Every section of Gebru et al. (2021), people in the data, Hugging Face metadata and governance', text: standard },
];
