import type { Term } from './vocabularies';

/** Common evaluation metrics, offered when a metric result asks for its name. */
export const metricNames: Term[] = [
  ['accuracy', 'Share of correct predictions'],
  ['balanced_accuracy', 'Mean of the recall of each class'],
  ['precision', 'Share of predicted positives that are positive'],
  ['recall', 'Share of positives that are found'],
  ['f1', 'Harmonic mean of precision and recall'],
  ['roc_auc', 'Area under the ROC curve'],
  ['pr_auc', 'Area under the precision-recall curve'],
  ['false_positive_rate', 'Share of negatives predicted positive'],
  ['false_negative_rate', 'Share of positives predicted negative'],
  ['false_discovery_rate', 'Share of predicted positives that are negative'],
  ['false_omission_rate', 'Share of predicted negatives that are positive'],
  ['specificity', 'Share of negatives predicted negative'],
  ['log_loss', 'Cross-entropy of the predicted probabilities'],
  ['mae', 'Mean absolute error'],
  ['rmse', 'Root mean squared error'],
  ['r2', 'Coefficient of determination'],
  ['wer', 'Word error rate'],
  ['bleu', 'BLEU translation score'],
  ['rouge_l', 'ROUGE-L summarisation score'],
  ['exact_match', 'Share of answers that match exactly'],
  ['perplexity', 'Perplexity of a language model'],
].map(([id, name]) => ({ id, name, detail: 'metric' }));
