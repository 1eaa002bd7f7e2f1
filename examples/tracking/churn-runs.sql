-- The runs of the example MLflow SQLite store (mlflow.db), as MLflow writes them: a finished, a
-- failed and a deleted run, a higher step with an older timestamp, ties, NaN (is_nan), a registry
-- with aliases and an MLflow 3 logged model. Feed it to sqlite3 after the tables:
--   cat examples/tracking/mlflow-tables.sql examples/tracking/churn-runs.sql | sqlite3 scratch/tracking/mlflow.db
INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage) VALUES (0, 'Default', 'mlflow-artifacts:/0', 'active');
INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage) VALUES (1, 'churn', 'mlflow-artifacts:/1', 'active');
INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id) VALUES ('a1b2c3d4e5f60718293a4b5c6d7e8f90', 'bold-heron-42', 'LOCAL', 'train.py', '', 'alice', 'FINISHED', 1700000000000, 1700000060000, '', 'active', 'file:///home/alice/churn/mlruns/1/a1b2c3d4e5f60718293a4b5c6d7e8f90/artifacts', 1);
INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id) VALUES ('b1b2c3d4e5f60718293a4b5c6d7e8f90', 'shy-owl-7', 'LOCAL', 'train.py', '', 'alice', 'FAILED', 1700001000000, 1700001060000, '', 'active', 'file:///home/alice/churn/mlruns/1/b1b2c3d4e5f60718293a4b5c6d7e8f90/artifacts', 1);
INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id) VALUES ('c1b2c3d4e5f60718293a4b5c6d7e8f90', 'gone-fox-1', 'LOCAL', 'train.py', '', 'alice', 'FINISHED', 1700000500000, 1700000560000, '', 'deleted', 'file:///home/alice/churn/mlruns/1/c1b2c3d4e5f60718293a4b5c6d7e8f90/artifacts', 1);
INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id) VALUES ('d1b2c3d4e5f60718293a4b5c6d7e8f90', 'old-mole-3', 'LOCAL', 'train.py', '', 'alice', 'FINISHED', 1690000000000, 1690000060000, '', 'active', 'file:///home/alice/churn/mlruns/1/d1b2c3d4e5f60718293a4b5c6d7e8f90/artifacts', 1);
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('accuracy', 0.8, 1700000002000, 1, 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('accuracy', 0.91, 1700000001000, 2, 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('accuracy', 0.5, 1700000003000, 0, 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('loss', 0.2, 1700000005000, 3, 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('loss', 0.3, 1700000005000, 3, 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('loss', 0.9, 1700000000000, 0, 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('f1', 0.7, 1700000000000, 4, 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('f1', 0, 1700000000500, 5, 1, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('test_accuracy', 0.9234567891234567, 1700000009000, 0, 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('accuracy', 0.4, 1700001000000, 0, 0, 'b1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('accuracy', 0.99, 1700000500000, 0, 0, 'c1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('accuracy', 0.85, 1690000000000, 0, 0, 'd1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('test_accuracy', 0.84, 1690000000000, 0, 0, 'd1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('accuracy', 0.91, 1700000001000, 2, 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('loss', 0.3, 1700000005000, 3, 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('f1', 0, 1700000000500, 5, 1, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('test_accuracy', 0.9234567891234567, 1700000009000, 0, 0, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('accuracy', 0.4, 1700001000000, 0, 0, 'b1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('accuracy', 0.99, 1700000500000, 0, 0, 'c1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('accuracy', 0.85, 1690000000000, 0, 0, 'd1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('test_accuracy', 0.84, 1690000000000, 0, 0, 'd1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO params (key, value, run_uuid) VALUES ('learning_rate', '0.001', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO params (key, value, run_uuid) VALUES ('epochs', '20', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO params (key, value, run_uuid) VALUES ('optimizer', 'adam', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO params (key, value, run_uuid) VALUES ('learning_rate', '0.01', 'd1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO tags (key, value, run_uuid) VALUES ('mlflow.user', 'alice', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO tags (key, value, run_uuid) VALUES ('mlflow.source.name', 'train.py', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO tags (key, value, run_uuid) VALUES ('mlflow.source.git.commit', '3f2a9c1d5e7b8a6c4d2e0f1a3b5c7d9e1f2a4b6c', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO tags (key, value, run_uuid) VALUES ('mlflow.runName', 'bold-heron-42', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO registered_models (name, creation_time) VALUES ('churn-model', 1700000000000);
INSERT INTO model_versions (name, version, run_id, source, status, current_stage) VALUES ('churn-model', 1, 'd1b2c3d4e5f60718293a4b5c6d7e8f90', 'mlflow-artifacts:/1/d1b2c3d4e5f60718293a4b5c6d7e8f90/artifacts/model', 'READY', 'None');
INSERT INTO model_versions (name, version, run_id, source, status, current_stage) VALUES ('churn-model', 2, 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 'mlflow-artifacts:/1/a1b2c3d4e5f60718293a4b5c6d7e8f90/artifacts/model', 'READY', 'None');
INSERT INTO model_versions (name, version, run_id, source, status, current_stage) VALUES ('churn-model', 3, NULL, 'models:/m-0a1b2c3d4e5f', 'READY', 'None');
INSERT INTO registered_model_aliases (name, alias, version) VALUES ('churn-model', 'champion', 2);
INSERT INTO registered_model_aliases (name, alias, version) VALUES ('churn-model', 'challenger', 3);
INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, creation_timestamp_ms, last_updated_timestamp_ms, status, lifecycle_stage, source_run_id) VALUES ('m-0a1b2c3d4e5f', 1, 'churn-model', 'mlflow-artifacts:/1/models/m-0a1b2c3d4e5f/artifacts', 1700000060000, 1700000060000, 2, 'active', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO logged_model_metrics (model_id, metric_name, metric_timestamp_ms, metric_step, metric_value, experiment_id, run_id) VALUES ('m-0a1b2c3d4e5f', 'eval_auc', 1700000070000, 0, 0.88, 1, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO logged_model_metrics (model_id, metric_name, metric_timestamp_ms, metric_step, metric_value, experiment_id, run_id) VALUES ('m-0a1b2c3d4e5f', 'accuracy', 1700000070000, 9, 0.1, 1, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
