// The folder the extension-host tests open: fresh for each run (the tests edit and create cards).
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, vscodeTestDir } from '../../../scripts/vscode/paths';
import { seedSample } from '../../helpers/cards';
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
  return folder;
}

export function deleteTestWorkspace(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
