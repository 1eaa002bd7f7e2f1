import euAiActHighRisk from '../../../../templates/eu-ai-act-high-risk.modelcard.yaml';
import huggingFace from '../../../../templates/hugging-face.modelcard.yaml';
import minimal from '../../../../templates/minimal.modelcard.yaml';
import modelCardToolkit from '../../../../templates/model-card-toolkit.modelcard.yaml';
import standard from '../../../../templates/standard.modelcard.yaml';

/** A card template: the files under templates/, bundled as text. Every face (editor, CLI, completion) offers these. */
export interface CardTemplate {
  /** Its file name in templates/ without `.modelcard.yaml`: how commands name it. */
  id: string;
  /** A short name (English; the editor translates it). */
  label: string;
  /** What the template covers. */
  detail: string;
  /** The template's text; `${name}` stands for the model name. */
  text: string;
}

/** The templates, in the order they are offered. */
export const cardTemplates: readonly CardTemplate[] = [
  { id: 'minimal', label: 'Minimal', detail: 'What the model is for and not for, one metric, its limitations and risks', text: minimal },
  { id: 'standard', label: 'Standard', detail: 'Every section of Mitchell et al. (2019), with governance', text: standard },
  { id: 'hugging-face', label: 'Hugging Face', detail: 'The fields of a Hugging Face model card: licence, task, languages, base model, tags, library', text: huggingFace },
  { id: 'model-card-toolkit', label: 'Google Model Card Toolkit', detail: 'The fields of a Model Card Toolkit card (schema v0.0.2)', text: modelCardToolkit },
  {
    id: 'eu-ai-act-high-risk',
    label: 'EU AI Act high-risk',
    detail: 'The technical documentation of Annex IV: risk rating, human oversight, changelog, post-market monitoring',
    text: euAiActHighRisk,
  },
];

/** The template with this id, or undefined. */
export function cardTemplate(id: string): CardTemplate | undefined {
  return cardTemplates.find((template) => template.id === id);
}
