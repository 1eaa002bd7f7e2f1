import assert from 'node:assert/strict';
import { runPickItem, storesOfMarkers, trackerOfPath } from '../../../client/src/trackers/storeLocations';

describe('finding tracker stores in a workspace (Fill from Experiment Run…)', () => {
  it('turns the marker files found into stores, each once', () => {
    assert.deepEqual(
      storesOfMarkers([
        '/ws/mlflow.db',
        '/ws/train/mlruns/0/meta.yaml',
        '/ws/train/mlruns/1/meta.yaml',
        '/ws/wandb/run-20240401_164609-6y34ms9p/files/wandb-summary.json',
        '/ws/wandb/offline-run-20240402_101010-k2j3h4g5/files/wandb-summary.json',
        '/ws/notes/meta.yaml',
      ]),
      [
        { tracker: 'mlflow', store: '/ws/mlflow.db' },
        { tracker: 'mlflow', store: '/ws/train/mlruns' },
        { tracker: 'wandb', store: '/ws/wandb' },
      ],
    );
  });

  it('tells a W&B folder or run folder from an MLflow store chosen by hand', () => {
    assert.equal(trackerOfPath('/ws/wandb', true), 'wandb');
    assert.equal(trackerOfPath('C:\\ws\\wandb\\run-20240401_164609-6y34ms9p\\', true), 'wandb');
    assert.equal(trackerOfPath('/ws/mlruns', true), 'mlflow');
    assert.equal(trackerOfPath('/ws/wandb', false), 'mlflow');
  });

  it('shows a run by name, status, date, experiment and short id, with its first metrics', () => {
    assert.deepEqual(
      runPickItem({
        id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        name: 'bold-heron-42',
        experiment: 'churn',
        status: 'FINISHED',
        startTime: Date.UTC(2023, 10, 14, 22, 13),
        metrics: [['accuracy', '0.91'], ['f1', '.nan'], ['loss', '0.3'], ['auc', '0.88'], ['test_accuracy', '0.92']],
      }),
      { label: 'bold-heron-42', description: 'FINISHED · 2023-11-14 22:13 UTC · churn · a1b2c3d4', detail: 'accuracy 0.91 · f1 .nan · loss 0.3 · auc 0.88 · +1 more' },
    );
    assert.deepEqual(runPickItem({ id: '6y34ms9p', status: 'UNKNOWN', metrics: [] }), { label: '6y34ms9p', description: 'UNKNOWN', detail: '' });
  });
});
