import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAction } from '../helpers/compositeAction';

const root = path.resolve(__dirname, '../..');
const action = readAction(path.join(root, 'action.yml'));
const steps = action.runs.steps;
const actionText = readFileSync(path.join(root, 'action.yml'), 'utf8');

describe('the GitHub Action (action.yml)', () => {
  it('is a composite action whose steps are named, run in bash, and name the actions they use by major version', () => {
    assert.equal(action.runs.using, 'composite');
    for (const step of steps) {
      assert.ok(step.name, JSON.stringify(step));
      assert.ok(step.uses === undefined ? step.run && step.shell === 'bash' : step.run === undefined, step.name);
      if (step.uses) assert.match(step.uses, /^[\w-]+\/[\w/-]+@v\d+$/, step.name);
    }
    assert.deepEqual(
      steps.filter((step) => step.uses).map((step) => step.uses),
      ['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3'],
    );
  });

  it('declares every input it uses, with a description and a text default, and uses every input it declares', () => {
    const used = new Set([...actionText.matchAll(/\binputs\.([\w-]+)/g)].map((match) => match[1]));
    assert.deepEqual([...used].sort(), Object.keys(action.inputs).sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok(input.description, name);
      assert.equal(typeof input.default, 'string', `${name} has a default as text`);
    }
  });

  it('passes inputs to scripts through env only (no expression inside a script)', () => {
    for (const step of steps.filter((step) => step.run)) assert.doesNotMatch(step.run!, /\$\{\{/, step.name);
  });

  it('refers only to the outputs of steps that come before, and uploads the SARIF file the lint step wrote', () => {
    steps.forEach((step, index) => {
      for (const [, id] of JSON.stringify(step).matchAll(/steps\.([\w-]+)\.outputs\./g)) {
        assert.ok(steps.slice(0, index).some((earlier) => earlier.id === id), `step "${step.name}" refers to ${id}, not an earlier step`);
      }
    });
    const lint = steps.findIndex((step) => step.id === 'lint');
    const upload = steps.findIndex((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(lint >= 0 && upload > lint);
    assert.equal(steps[upload].with?.sarif_file, '${{ steps.lint.outputs.sarif-file }}');
    assert.equal(steps[upload].if, "inputs.upload-sarif == 'true'");
    assert.match(steps[lint].run!, /node "\$GITHUB_ACTION_PATH\/dist\/cli\.js" lint \$CARD_PATHS --format sarif > "\$sarif"/);
    assert.equal(action.outputs['sarif-file'].value, '${{ steps.lint.outputs.sarif-file }}');
  });

  it('runs only files the repository has or the build writes', () => {
    const files = steps.flatMap((step) => [...(step.run ?? '').matchAll(/"\$GITHUB_ACTION_PATH\/([^"]+)"/g)].map((match) => match[1]));
    assert.deepEqual(files, ['dist/cli.js', 'dist/cli.js', 'scripts/lintVerdict.mjs']);
    const built = [...readFileSync(path.join(root, 'esbuild.mjs'), 'utf8').matchAll(/outfile: '([^']+)'/g)].map((match) => match[1]);
    assert.deepEqual(files.filter((file) => !built.includes(file) && !existsSync(path.join(root, file))), []);
  });
});

describe('the verdict of the GitHub Action (scripts/lintVerdict.mjs)', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-verdict-'));
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  /** Runs the verdict on a SARIF report with results at `levels`, as the action's last step does. */
  function verdict(levels: string[], inputs: { failOn?: string; maxWarnings?: string }) {
    const sarif = path.join(folder, 'findings.sarif');
    writeFileSync(sarif, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'modelcard' } }, results: levels.map((level) => ({ ruleId: 'MC000', level, message: { text: 'x' } })) }] }));
    const env = { ...process.env, FAIL_ON: inputs.failOn ?? '', MAX_WARNINGS: inputs.maxWarnings ?? '' };
    const { status, stdout } = spawnSync(process.execPath, [path.join(root, 'scripts/lintVerdict.mjs'), sarif], { env, encoding: 'utf8' });
    return { status, stdout };
  }

  it('fails on errors by default, and passes warnings and notes', () => {
    assert.deepEqual(verdict(['error', 'warning', 'note'], {}), { status: 1, stdout: '::error title=modelcard::1 error and 1 warning in the model cards (fail-on: error)\n' });
    assert.deepEqual(verdict(['warning', 'warning', 'note'], {}), { status: 0, stdout: 'modelcard: 0 errors and 2 warnings in the model cards: passed (fail-on: error)\n' });
    assert.equal(verdict([], {}).status, 0);
  });

  it('fails on warnings too with fail-on: warning, and never with fail-on: never', () => {
    assert.equal(verdict(['warning'], { failOn: 'warning' }).status, 1);
    assert.equal(verdict(['note', 'note'], { failOn: 'warning' }).status, 0);
    assert.deepEqual(verdict(['error', 'error'], { failOn: 'never' }), { status: 0, stdout: 'modelcard: 2 errors and 0 warnings in the model cards: passed (fail-on: never)\n' });
  });

  it('fails when there are more warnings than max-warnings, whatever fail-on says', () => {
    assert.deepEqual(verdict(['warning', 'warning', 'warning'], { maxWarnings: '2' }), {
      status: 1,
      stdout: '::error title=modelcard::0 errors and 3 warnings in the model cards: more warnings than max-warnings (2)\n',
    });
    assert.equal(verdict(['warning', 'warning'], { maxWarnings: '2' }).status, 0);
    assert.equal(verdict(['warning'], { maxWarnings: '0', failOn: 'never' }).status, 1);
  });

  it('refuses an input it does not take, with exit code 2', () => {
    assert.deepEqual(verdict([], { failOn: 'errors' }), { status: 2, stdout: '::error title=modelcard::fail-on must be error, warning or never; got "errors"\n' });
    assert.deepEqual(verdict([], { maxWarnings: 'ten' }), { status: 2, stdout: '::error title=modelcard::max-warnings must be a whole number, or empty for no limit; got "ten"\n' });
  });
});
