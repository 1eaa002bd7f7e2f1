import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAction, runSteps, type ActionRun, type StepRun } from '../helpers/compositeAction';
import { repoRoot, snapshotWorkingTree } from '../helpers/gitRepositories';

interface SarifResult {
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
}

/**
 * The steps of action.yml, run as the GitHub runner runs a composite action (bash, its variables,
 * `env`, `if`, step outputs), with a snapshot of this working tree as the action's checkout and a
 * repository of cards as the workspace. The `uses` steps (setup-node, upload-sarif) are GitHub's:
 * the tests check what they would be given.
 */
describe('the GitHub Action (action.yml) run step by step', function () {
  const action = readAction(path.join(repoRoot, 'action.yml'));
  const install = action.runs.steps.findIndex((step) => step.id === 'install');
  let folder: string;
  let actionPath: string;
  let workspace: string;
  let runnerTemp: string;

  const stepNamed = (run: ActionRun, id: string): StepRun => {
    const step = run.steps.find((candidate) => candidate.step.id === id);
    assert.ok(step, `step ${id} did not run: ${JSON.stringify(run.steps.map(({ step: { name }, exitCode }) => ({ name, exitCode })))}`);
    return step;
  };
  const uploadStep = (run: ActionRun) => run.steps.find((candidate) => candidate.step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  /** Runs the steps after the install, as a workflow would with these inputs. */
  const lint = (inputs: Record<string, string> = {}) => runSteps(action.runs.steps.slice(install + 1), { action, actionPath, workspace, runnerTemp, inputs });
  const sarifResults = (run: ActionRun): SarifResult[] => JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8')).runs[0].results;
  const countLevel = (results: SarifResult[], level: string) => results.filter((result) => result.level === level).length;

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-action-'));
    actionPath = path.join(folder, 'action');
    snapshotWorkingTree(actionPath);
    workspace = path.join(folder, 'workspace');
    runnerTemp = path.join(folder, 'runner-temp');
    mkdirSync(runnerTemp);
    const cards: Record<string, string> = {
      'models/smiling-detection.modelcard.yaml': 'smiling-detection.modelcard.yaml',
      'models/image-classifier.modelcard.yml': 'image-classifier.modelcard.yaml',
      'drafts/typical-mistakes.modelcard.yaml': 'typical-mistakes.modelcard.yaml',
    };
    for (const [file, example] of Object.entries(cards)) {
      mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      copyFileSync(path.join(repoRoot, 'examples', example), path.join(workspace, file));
    }
    const installed = runSteps(action.runs.steps.slice(0, install + 1), { action, actionPath, workspace, runnerTemp });
    assert.deepEqual(installed.steps[0].with, { 'node-version': '20' });
    const { exitCode, stdout, stderr } = installed.steps[install];
    assert.equal(exitCode, 0, `${stdout}${stderr}`);
    assert.ok(existsSync(path.join(actionPath, 'dist/cli.js')), 'npm ci built dist/cli.js');
  });

  after(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('lints the whole repository by default: SARIF for code scanning with paths from the repository root, the findings in the log, and the job failed on errors', () => {
    const run = lint();
    assert.equal(stepNamed(run, 'lint').exitCode, 0);
    assert.deepEqual(uploadStep(run), { step: uploadStep(run).step, skipped: false, with: { sarif_file: path.join(runnerTemp, 'modelcard.sarif'), category: 'modelcard' } });
    const results = sarifResults(run);
    assert.deepEqual([...new Set(results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri))].sort(), [
      'drafts/typical-mistakes.modelcard.yaml',
      'models/image-classifier.modelcard.yml',
    ]);
    const report = stepNamed(run, 'report');
    assert.equal(report.exitCode, 1, report.stderr);
    assert.match(report.stdout!, /^drafts\/typical-mistakes\.modelcard\.yaml:27:11 error MC050 /m);
    assert.ok(
      report.stdout!.endsWith(`::error title=modelcard::${countLevel(results, 'error')} errors and ${countLevel(results, 'warning')} warnings in the model cards (fail-on: error)\n`),
      report.stdout,
    );
  });

  it('passes cards with warnings only, unless max-warnings or fail-on: warning says otherwise', () => {
    const paths = 'models/*.modelcard.yaml\nmodels/*.modelcard.yml';
    const passed = lint({ paths });
    const warnings = countLevel(sarifResults(passed), 'warning');
    assert.ok(warnings > 0 && countLevel(sarifResults(passed), 'error') === 0);
    assert.equal(stepNamed(passed, 'report').exitCode, 0, stepNamed(passed, 'report').stdout);
    assert.equal(stepNamed(lint({ paths, 'max-warnings': String(warnings) }), 'report').exitCode, 0);
    const tooMany = stepNamed(lint({ paths, 'max-warnings': String(warnings - 1) }), 'report');
    assert.equal(tooMany.exitCode, 1);
    assert.match(tooMany.stdout!, /more warnings than max-warnings/);
    assert.equal(stepNamed(lint({ paths, 'fail-on': 'warning' }), 'report').exitCode, 1);
  });

  it('only reports with fail-on: never, and uploads nothing with upload-sarif: false', () => {
    const run = lint({ 'fail-on': 'never', 'upload-sarif': 'false' });
    assert.equal(uploadStep(run).skipped, true);
    assert.equal(stepNamed(run, 'report').exitCode, 0);
    assert.match(stepNamed(run, 'report').stdout!, /error MC050 /);
  });

  it('shows the findings in the log in the format asked for', () => {
    const report = stepNamed(lint({ paths: 'drafts', format: 'json' }), 'report');
    const lines = report.stdout!.trimEnd().split('\n');
    const json = JSON.parse(lines.slice(0, -1).join('\n'));
    assert.equal(json.files[0].path, 'drafts/typical-mistakes.modelcard.yaml');
    assert.match(lines[lines.length - 1], new RegExp(`^::error title=modelcard::${json.summary.error} errors and ${json.summary.warning} warnings`));
  });

  it('stops at the lint step, before any upload, on a path that matches no card', () => {
    const run = lint({ paths: 'models missing-folder' });
    assert.deepEqual(
      run.steps.map(({ step, exitCode }) => [step.id, exitCode]),
      [['lint', 2]],
    );
    assert.match(run.steps[0].stderr!, /^modelcard: missing-folder: no such file or folder$/m);
  });
});
