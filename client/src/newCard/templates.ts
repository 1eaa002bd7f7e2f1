import * as vscode from 'vscode';
import euAiActHighRisk from '../../../templates/eu-ai-act-high-risk.modelcard.yaml';
import huggingFace from '../../../templates/hugging-face.modelcard.yaml';
import minimal from '../../../templates/minimal.modelcard.yaml';
import modelCardToolkit from '../../../templates/model-card-toolkit.modelcard.yaml';
import standard from '../../../templates/standard.modelcard.yaml';

export interface CardTemplate extends vscode.QuickPickItem {
  /** Its file name in templates/ without `.modelcard.yaml`: how `modelcard.newCard` arguments name it. */
  id: string;
  /** The template's text (bundled from templates/); `${name}` stands for the model name. */
  text: string;
}

/** The templates New Model Card… offers, in the order it offers them. */
export function cardTemplates(): CardTemplate[] {
  return [
    { id: 'minimal', label: vscode.l10n.t('Minimal'), detail: vscode.l10n.t('What the model is for and not for, one metric, its limitations and risks'), text: minimal },
    { id: 'standard', label: vscode.l10n.t('Standard'), detail: vscode.l10n.t('Every section of Mitchell et al. (2019), with governance'), text: standard },
    { id: 'hugging-face', label: vscode.l10n.t('Hugging Face'), detail: vscode.l10n.t('The fields of a Hugging Face model card: licence, task, languages, base model, tags, library'), text: huggingFace },
    { id: 'model-card-toolkit', label: vscode.l10n.t('Google Model Card Toolkit'), detail: vscode.l10n.t('The fields of a Model Card Toolkit card (schema v0.0.2)'), text: modelCardToolkit },
    { id: 'eu-ai-act-high-risk', label: vscode.l10n.t('EU AI Act high-risk'), detail: vscode.l10n.t('The technical documentation of Annex IV: risk rating, human oversight, changelog, post-market monitoring'), text: euAiActHighRisk },
  ];
}
