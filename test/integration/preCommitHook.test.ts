import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { git, isolatedGitEnv, repoRoot, snapshotWorkingTree } from '../helpers/gitRepositories';

const example = (name: string) => path.join(repoRoot, 'examples', name);

/**
 * The hook of .pre-commit-hooks.yaml, in a throwaway repository whose .pre-commit-config.yaml
 * names a snapshot of this working tree: pre-commit installs it as it installs any `language:
 * node` hook (npm install, whose `prepare` builds dist/; npm pack; npm install -g of the tarball),
 * then runs `modelcard lint` on the staged cards at each commit.
 */
describe('the pre-commit hook (modelcard-lint)', function () {
  let folder: string;
  let cards: string;
  let env: NodeJS.ProcessEnv;
  /** The commit that adds .pre-commit-config.yaml, where each test starts. */
  let configured: string;

  /** Runs a command in the cards repository; its exit code, and stdout and stderr together. */
  function run(command: string, args: string[]): { status: number | null; output: string } {
    const result = spawnSync(command, args, { cwd: cards, env, encoding: 'utf8', timeout: 10 * 60_000 });
    if (result.error) throw result.error;
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  const commit = (message: string) => run('git', ['commit', '-m', message]);
  const headSubject = () => git(cards, ['log', '-1', '--format=%s']).trim();

  before(() => {
    const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    if (preCommit.error) {
      throw new Error(`pre-commit is not installed (${preCommit.error.message}); these tests need it: as root, apt-get install -y pre-commit`);
    }
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-pre-commit-'));
    const hookRepository = path.join(folder, 'model-card-studio');
    const rev = snapshotWorkingTree(hookRepository);
    cards = path.join(folder, 'cards');
    mkdirSync(cards);
    // pre-commit keeps its clones and environments here, not in the user's cache.
    env = { ...isolatedGitEnv, PRE_COMMIT_HOME: path.join(folder, 'pre-commit-cache') };
    git(cards, ['init', '-q', '-b', 'main']);
    writeFileSync(path.join(cards, '.pre-commit-config.yaml'), stringify({ repos: [{ repo: hookRepository, rev, hooks: [{ id: 'modelcard-lint' }] }] }));
    git(cards, ['add', '-A']);
    git(cards, ['commit', '-q', '-m', 'Check the model cards with pre-commit']);
    configured = git(cards, ['rev-parse', 'HEAD']).trim();
    const installed = run('pre-commit', ['install', '--install-hooks']);
    assert.equal(installed.status, 0, installed.output);
  });

  after(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  afterEach(() => {
    // Each test starts from the configuration's commit, with nothing staged or left over.
    git(cards, ['reset', '-q', '--hard', configured]);
    git(cards, ['clean', '-q', '-f', '-d']);
  });

  it('lets a commit without cards through, the hook skipped', () => {
    writeFileSync(path.join(cards, 'notes.yaml'), 'not: [a card\n');
    git(cards, ['add', '-A']);
    const { status, output } = commit('Add notes');
    assert.equal(status, 0, output);
    assert.match(output, /^modelcard lint\.+\(no files to check\)Skipped$/m);
    assert.equal(headSubject(), 'Add notes');
  });

  it('fails a commit that adds a card with errors, and shows the findings', () => {
    mkdirSync(path.join(cards, 'models'));
    copyFileSync(example('typical-mistakes.modelcard.yaml'), path.join(cards, 'models/typical-mistakes.modelcard.yaml'));
    git(cards, ['add', '-A']);
    const { status, output } = commit('Add a card with mistakes');
    assert.equal(status, 1, output);
    assert.match(output, /^modelcard lint\.+Failed$/m);
    assert.match(output, /^- exit code: 1$/m);
    assert.match(output, /^models\/typical-mistakes\.modelcard\.yaml:27:11 error MC050 The card is `published` but no review approves it/m);
    assert.match(output, /^\d+ errors, \d+ warnings in 1 card\.$/m);
    assert.notEqual(headSubject(), 'Add a card with mistakes');
  });

  it('lets a commit with a good card through', () => {
    copyFileSync(example('smiling-detection.modelcard.yaml'), path.join(cards, 'smiling-detection.modelcard.yaml'));
    git(cards, ['add', '-A']);
    const { status, output } = commit('Add the smiling detection card');
    assert.equal(status, 0, output);
    assert.match(output, /^modelcard lint\.+Passed$/m);
    assert.equal(headSubject(), 'Add the smiling detection card');
  });

  it('checks .modelcard.yml cards too, and only the cards of the commit', () => {
    const card = readFileSync(example('smiling-detection.modelcard.yaml'), 'utf8');
    writeFileSync(path.join(cards, 'draft.modelcard.yml'), card.replace(/^limitations:/m, 'limitation:'));
    writeFileSync(path.join(cards, 'more-notes.yaml'), 'limitation: not a card\n');
    git(cards, ['add', '-A']);
    const { status, output } = commit('Add a draft card');
    assert.equal(status, 1, output);
    const findings = output.split('\n').filter((line) => /:\d+:\d+ /.test(line));
    assert.ok(findings.length > 0 && findings.every((line) => line.startsWith('draft.modelcard.yml:')), output);
    assert.ok(findings.some((line) => / error MC010 /.test(line)), output);
  });

  it('judges every card of the repository with pre-commit run --all-files', () => {
    for (const name of ['typical-mistakes.modelcard.yaml', 'image-classifier.modelcard.yaml']) copyFileSync(example(name), path.join(cards, name));
    git(cards, ['add', '-A']);
    git(cards, ['commit', '-q', '--no-verify', '-m', 'Add two cards, unchecked']);
    const failed = run('pre-commit', ['run', '--all-files']);
    assert.equal(failed.status, 1, failed.output);
    assert.match(failed.output, /^typical-mistakes\.modelcard\.yaml:\d+:\d+ error /m);
    assert.match(failed.output, /in 2 cards\.$/m);

    git(cards, ['rm', '-q', 'typical-mistakes.modelcard.yaml']);
    const passed = run('pre-commit', ['run', '--all-files']);
    assert.equal(passed.status, 0, passed.output);
    assert.match(passed.output, /^modelcard lint\.+Passed$/m);
  });
});
