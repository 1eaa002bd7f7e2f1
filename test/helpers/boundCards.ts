import { defaultSettings, type ModelCardSettings } from '../../server/src/protocol';
import { bindingKey, type MetricSource } from '../../server/src/service/card/metricBindings';
import type { BoundResult, TrackerValues } from '../../server/src/service/trackers/boundValues';
import { createLanguageService } from '../../server/src/service/languageService';
import type { Diagnostic } from 'vscode-languageserver-types';
import { cardDocument } from './cards';

/** A card whose two results are bound to an MLflow run (store relative to the card). */
export const boundCard = `name: churn-model
metrics:
  - name: accuracy
    value: 0.92
    dataset: holdout
    source: {tracker: mlflow, store: mlflow.db, run: a1b2c3d4e5f60718293a4b5c6d7e8f90, key: test_accuracy}
  - name: f1
    value: 0.8
    dataset: holdout
    source:
      tracker: mlflow
      store: mlflow.db
      run: a1b2c3d4e5f60718293a4b5c6d7e8f90
      key: test_f1
evaluation_data:
  - name: holdout
limitations: Trained on 2023 data only
`;

export const boundRun = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

export function source(key: string, run = boundRun, store = 'mlflow.db'): MetricSource {
  return { tracker: 'mlflow', store, run, key };
}

/** Tracker values as the CLI or server would hand them over: key → what the run says. */
export function trackerValues(entries: [MetricSource, number | string][]): TrackerValues {
  return new Map(
    entries.map(([bound, value]): [string, BoundResult] => [
      bindingKey(bound),
      typeof value === 'string'
        ? { problem: value }
        : { found: { value, step: 3, run: { id: bound.run, name: 'bold-heron-42', status: 'FINISHED', startTime: Date.UTC(2023, 10, 14, 22, 13), deleted: false } } },
    ]),
  );
}

export function verify(text: string, values: TrackerValues, code: string, settings: Partial<ModelCardSettings> = {}): Diagnostic[] {
  return createLanguageService()
    .validate(cardDocument(text), { ...defaultSettings, ...settings }, values)
    .filter((diagnostic) => diagnostic.code === code);
}
