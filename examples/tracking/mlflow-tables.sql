-- The tables of an MLflow SQLite store (mlflow.db) that `modelcard fill` and `lint --verify` read,
-- with the columns, keys and checks they have in MLflow 3.0 (MLflow's SQLAlchemy models in
-- mlflow/store/tracking/dbmodels/models.py and mlflow/store/model_registry/dbmodels/models.py, and
-- its migrations).
-- A store MLflow writes has more tables (experiment_tags, datasets, inputs, traces, ...), and later
-- versions add a `workspace` column to some of these: the readers need neither. Build the example
-- store with the runs of churn-runs.sql:
--   cat examples/tracking/mlflow-tables.sql examples/tracking/churn-runs.sql | sqlite3 scratch/tracking/mlflow.db

CREATE TABLE experiments (
  experiment_id INTEGER NOT NULL,
  name VARCHAR(256) NOT NULL,
  artifact_location VARCHAR(256),
  lifecycle_stage VARCHAR(32),
  creation_time BIGINT,
  last_update_time BIGINT,
  CONSTRAINT experiment_pk PRIMARY KEY (experiment_id),
  UNIQUE (name),
  CONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted'))
);

-- status is a name (not the file store's number); start_time and end_time are epoch milliseconds.
CREATE TABLE runs (
  run_uuid VARCHAR(32) NOT NULL,
  name VARCHAR(250),
  source_type VARCHAR(20),
  source_name VARCHAR(500),
  entry_point_name VARCHAR(50),
  user_id VARCHAR(256),
  status VARCHAR(9),
  start_time BIGINT,
  end_time BIGINT,
  deleted_time BIGINT,
  source_version VARCHAR(50),
  lifecycle_stage VARCHAR(20),
  artifact_uri VARCHAR(200),
  experiment_id INTEGER,
  CONSTRAINT run_pk PRIMARY KEY (run_uuid),
  FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id),
  CONSTRAINT source_type CHECK (source_type IN ('NOTEBOOK', 'JOB', 'LOCAL', 'UNKNOWN', 'PROJECT')),
  CONSTRAINT status CHECK (status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING', 'KILLED')),
  CONSTRAINT runs_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted'))
);

-- Every logged point of every metric. NaN is stored as 0 with is_nan = 1.
CREATE TABLE metrics (
  key VARCHAR(250) NOT NULL,
  value FLOAT NOT NULL,
  timestamp BIGINT NOT NULL,
  step BIGINT DEFAULT '0' NOT NULL,
  is_nan BOOLEAN DEFAULT '0' NOT NULL,
  run_uuid VARCHAR(32) NOT NULL,
  CONSTRAINT metric_pk PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan),
  FOREIGN KEY (run_uuid) REFERENCES runs (run_uuid),
  CHECK (is_nan IN (0, 1))
);

-- The point MLflow keeps as a metric's value: the greatest (step, timestamp, value).
CREATE TABLE latest_metrics (
  key VARCHAR(250) NOT NULL,
  value FLOAT NOT NULL,
  timestamp BIGINT,
  step BIGINT NOT NULL,
  is_nan BOOLEAN NOT NULL,
  run_uuid VARCHAR(32) NOT NULL,
  CONSTRAINT latest_metric_pk PRIMARY KEY (key, run_uuid),
  FOREIGN KEY (run_uuid) REFERENCES runs (run_uuid),
  CHECK (is_nan IN (0, 1))
);

-- MLflow keeps every parameter as text.
CREATE TABLE params (
  key VARCHAR(250) NOT NULL,
  value VARCHAR(8000) NOT NULL,
  run_uuid VARCHAR(32) NOT NULL,
  CONSTRAINT param_pk PRIMARY KEY (key, run_uuid),
  FOREIGN KEY (run_uuid) REFERENCES runs (run_uuid)
);

CREATE TABLE tags (
  key VARCHAR(250) NOT NULL,
  value VARCHAR(8000),
  run_uuid VARCHAR(32) NOT NULL,
  CONSTRAINT tag_pk PRIMARY KEY (key, run_uuid),
  FOREIGN KEY (run_uuid) REFERENCES runs (run_uuid)
);

CREATE TABLE registered_models (
  name VARCHAR(256) NOT NULL,
  creation_time BIGINT,
  last_updated_time BIGINT,
  description VARCHAR(5000),
  CONSTRAINT registered_model_pk PRIMARY KEY (name)
);

-- A version names the run it came from, or (MLflow 3) a logged model: source 'models:/m-...'.
CREATE TABLE model_versions (
  name VARCHAR(256) NOT NULL,
  version INTEGER NOT NULL,
  creation_time BIGINT,
  last_updated_time BIGINT,
  description VARCHAR(5000),
  user_id VARCHAR(256),
  current_stage VARCHAR(20),
  source VARCHAR(500),
  run_id VARCHAR(32),
  status VARCHAR(20),
  status_message VARCHAR(500),
  run_link VARCHAR(500),
  storage_location VARCHAR(500),
  CONSTRAINT model_version_pk PRIMARY KEY (name, version),
  FOREIGN KEY (name) REFERENCES registered_models (name) ON UPDATE CASCADE
);

CREATE TABLE registered_model_aliases (
  alias VARCHAR(256) NOT NULL,
  version INTEGER NOT NULL,
  name VARCHAR(256) NOT NULL,
  CONSTRAINT registered_model_alias_pk PRIMARY KEY (name, alias),
  FOREIGN KEY (name) REFERENCES registered_models (name) ON DELETE CASCADE ON UPDATE CASCADE
);

-- MLflow 3's logged models, and the metrics logged to them (evaluations, for example).
CREATE TABLE logged_models (
  model_id VARCHAR(36) NOT NULL,
  experiment_id INTEGER NOT NULL,
  name VARCHAR(500) NOT NULL,
  artifact_location VARCHAR(1000) NOT NULL,
  creation_timestamp_ms BIGINT NOT NULL,
  last_updated_timestamp_ms BIGINT NOT NULL,
  status INTEGER NOT NULL,
  lifecycle_stage VARCHAR(32),
  model_type VARCHAR(500),
  source_run_id VARCHAR(32),
  status_message VARCHAR(1000),
  CONSTRAINT logged_models_pk PRIMARY KEY (model_id),
  FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE,
  CONSTRAINT logged_models_lifecycle_stage_check CHECK (lifecycle_stage IN ('active', 'deleted'))
);

CREATE TABLE logged_model_metrics (
  model_id VARCHAR(36) NOT NULL,
  metric_name VARCHAR(500) NOT NULL,
  metric_timestamp_ms BIGINT NOT NULL,
  metric_step BIGINT NOT NULL,
  metric_value FLOAT,
  experiment_id INTEGER NOT NULL,
  run_id VARCHAR(32) NOT NULL,
  dataset_uuid VARCHAR(36),
  dataset_name VARCHAR(500),
  dataset_digest VARCHAR(36),
  CONSTRAINT logged_model_metrics_pk PRIMARY KEY (model_id, metric_name, metric_timestamp_ms, metric_step, run_id),
  FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id),
  FOREIGN KEY (model_id) REFERENCES logged_models (model_id) ON DELETE CASCADE,
  FOREIGN KEY (run_id) REFERENCES runs (run_uuid) ON DELETE CASCADE
);

-- The indexes MLflow looks a run's values up by.
CREATE INDEX index_metrics_run_uuid ON metrics (run_uuid);
CREATE INDEX index_latest_metrics_run_uuid ON latest_metrics (run_uuid);
CREATE INDEX index_params_run_uuid ON params (run_uuid);
CREATE INDEX index_tags_run_uuid ON tags (run_uuid);
CREATE INDEX index_logged_model_metrics_model_id ON logged_model_metrics (model_id);
