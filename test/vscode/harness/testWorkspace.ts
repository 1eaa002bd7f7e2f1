// The folder the extension-host tests open: fresh for each run (the tests edit and create cards).
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, vscodeTestDir } from '../../../scripts/vscode/paths';
import { seedSample } from '../../helpers/cards';
import { writeFiles } from '../../helpers/cli';
import { brokenRagWorkspace } from '../../helpers/ragWorkspace';
import { runFolderName } from './runFolders';

const seedWithoutLimitations = seedSample.replace('limitations: May misclassify rare images\n', '');

export function createTestWorkspace(name: string): string {
  const workspaces = path.join(vscodeTestDir, 'workspaces');
  const folder = path.join(workspaces, runFolderName(workspaces, name));
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  copyFileSync(path.join(projectRoot, 'examples', 'typical-mistakes.modelcard.yaml'), path.join(folder, 'typical-mistakes.modelcard.yaml'));
  writeFileSync(path.join(folder, 'seed.modelcard.yaml'), seedSample);
  writeFileSync(path.join(folder, 'missing-limitations.modelcard.yaml'), seedWithoutLimitations);
  writeMlrunsStore(folder);
  writeFiles(path.join(folder, 'rag'), brokenRagWorkspace());
  return folder;
}

/** The run of the MLflow file store the Fill from Experiment Run test reads (extensionHost/fillFromRun.test.ts). */
const fillRunId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** A card to fill, and an MLflow file store (mlruns/) beside it, written as MLflow writes them. */
function writeMlrunsStore(folder: string): void {
  const run = path.join(folder, 'mlruns', '1', fillRunId);
  mkdirSync(path.join(run, 'metrics'), { recursive: true });
  writeFileSync(path.join(folder, 'mlruns', '1', 'meta.yaml'), "artifact_location: mlruns/1\nexperiment_id: '1'\nlifecycle_stage: active\nname: churn\n");
  writeFileSync(path.join(run, 'meta.yaml'), `run_id: ${fillRunId}\nrun_name: bold-heron-42\nrun_uuid: ${fillRunId}\nstart_time: 1700000000000\nstatus: 3\nlifecycle_stage: active\n`);
  writeFileSync(path.join(run, 'metrics', 'accuracy'), '1700000002000 0.8 1\n1700000001000 0.91 2\n');
  writeFileSync(path.join(folder, 'churn.modelcard.yaml'), 'name: churn-model\n# Numbers come from MLflow.\nlimitations: Trained on 2023 data only\n');
}

export function deleteTestWorkspace(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
