import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { copyWorkingTree, git, repoRoot } from '../helpers/gitRepositories';
import { readmeCommands, type ReadmeCommand } from '../helpers/readmeCommands';

const section = 'Numbers from the tracker: fill and verify';

/** The value of an option of a command (`--mlflow x` → x). */
function option(command: ReadmeCommand, name: string): string | undefined {
  const index = command.words.indexOf(name);
  return index === -1 ? undefined : command.words[index + 1];
}

const isCli = (command: ReadmeCommand, subcommand: string) => command.words[0] === 'node' && command.words[1] === 'dist/cli.js' && command.words[2] === subcommand;
const isFill = (command: ReadmeCommand) => isCli(command, 'fill');
const isDryRun = (command: ReadmeCommand) => command.words.includes('--dry-run');

/** Each file below `folder` (dist/ aside) and a digest of its content: what a command changed. */
function fileDigests(folder: string): Map<string, string> {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => !file.startsWith(`dist${path.sep}`) && statSync(path.join(folder, file)).isFile());
  return new Map(files.map((file) => [file, createHash('sha256').update(readFileSync(path.join(folder, file))).digest('hex')]));
}

/** What git sees in the repository, ignored files included (not node_modules/, dist/, .vscode-test/). */
function repositoryStatus(): string {
  return git(repoRoot, ['status', '--porcelain', '--ignored', '--untracked-files=all', '--', '.', ':!node_modules', ':!dist', ':!.vscode-test']);
}

/**
 * The `sh` commands of the README's section on fill and verify, run as they are written: each in
 * its own bash (`-e -o pipefail`), from the root of a copy of this working tree with the built CLI
 * (dist/), as a user runs them on a fresh clone. Each does what its comment says (exit code,
 * quoted output, rule codes it does not report: see readmeCommands.ts); a dry run changes no
 * file; a fill binds the card's results and provenance to the store it names. A command must not
 * rely on the shell state another left (a `cd`, a variable): users paste them one at a time too.
 */
describe("the README's commands for fill and verify, run as written", function () {
  const commands = readmeCommands(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'), section);
  let work: string;
  let statusBefore: string;

  before(() => {
    assert.ok(existsSync(path.join(repoRoot, 'dist/cli.js')), 'dist/cli.js is missing: run npm run build first');
    const sqlite3 = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
    if (sqlite3.error) throw new Error(`sqlite3 is not installed (${sqlite3.error.message}); the README's commands need it: as root, apt-get install -y sqlite3`);
    statusBefore = repositoryStatus();
    work = mkdtempSync(path.join(os.tmpdir(), 'modelcard-readme-'));
    copyWorkingTree(work);
    cpSync(path.join(repoRoot, 'dist'), path.join(work, 'dist'), { recursive: true });
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('fill a card from each kind of store and show the finding of a changed value', () => {
    const shown: [string, (command: ReadmeCommand) => boolean][] = [
      ['a fill from mlflow.db by registered model alias', (command) => isFill(command) && /\.db$/.test(option(command, '--mlflow') ?? '') && /@/.test(option(command, '--model') ?? '')],
      ['a fill from mlflow.db by experiment --latest with --precision', (command) => isFill(command) && /\.db$/.test(option(command, '--mlflow') ?? '') && command.words.includes('--latest') && option(command, '--precision') !== undefined],
      ['a fill from an mlruns/ file store', (command) => isFill(command) && /(^|\/)mlruns\/?$/.test(option(command, '--mlflow') ?? '')],
      ['a fill from a W&B run folder with --metrics and --params', (command) => isFill(command) && /(^|\/)wandb\/run-[^/]+\/?$/.test(option(command, '--wandb') ?? '') && option(command, '--metrics') !== undefined && option(command, '--params') !== undefined],
      ['lint --verify with no MC061', (command) => isCli(command, 'lint') && command.words.includes('--verify') && command.exitCode === 0 && command.absentCodes.includes('MC061')],
      ['lint --verify reporting MC061 with exit code 1', (command) => isCli(command, 'lint') && command.words.includes('--verify') && command.exitCode === 1 && command.prints.some((text) => text.includes('MC061'))],
    ];
    assert.deepEqual(shown.filter(([, test]) => !commands.some(test)).map(([what]) => what), [], `the README section "${section}" no longer shows these`);
  });

  for (const command of commands) {
    it(`README line ${command.line}: ${command.text.split('\n')[0]}`, () => {
      const before = isDryRun(command) ? fileDigests(work) : undefined;
      const run = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', command.text], { cwd: work, encoding: 'utf8', timeout: 60_000, env: { ...process.env, MODELCARD_DEBUG: '' } });
      if (run.error) throw run.error;
      const output = `${run.stdout}${run.stderr}`;
      const context = `README line ${command.line}: ${command.text}\n--- its output:\n${output}`;
      assert.equal(run.status, command.exitCode, context);
      for (const text of command.prints) assert.ok(output.includes(text), `the output has no "${text}"\n${context}`);
      for (const code of command.absentCodes) assert.doesNotMatch(output, new RegExp(`\\b${code}\\b`), context);
      if (before) assert.deepEqual(fileDigests(work), before, `a dry run changed files\n${context}`);
      if (isFill(command) && !before) assertBoundToStore(command);
    });
  }

  it('leave the repository as it was', () => {
    assert.equal(repositoryStatus(), statusBefore);
  });

  /** After a fill: the card's results and provenance name the store as the card sees it (relative to it). */
  function assertBoundToStore(command: ReadmeCommand): void {
    const cardPath = command.words.find((word) => /\.modelcard\.ya?ml$/.test(word));
    assert.ok(cardPath, `no card in ${command.text}`);
    const tracker = option(command, '--mlflow') !== undefined ? 'mlflow' : 'wandb';
    const store = path.posix.relative(path.posix.dirname(cardPath), option(command, `--${tracker}`)!.replace(/\/$/, ''));
    const card = parse(readFileSync(path.join(work, cardPath), 'utf8')) as { metrics?: { source?: { tracker?: string; store?: string } }[]; provenance?: Record<string, unknown> };
    const bound = (card.metrics ?? []).filter((result) => result.source?.tracker === tracker && result.source.store === store);
    assert.ok(bound.length > 0, `${cardPath} has no result bound to the ${tracker} store ${store}`);
    assert.deepEqual({ tracker: card.provenance?.tracker, store: card.provenance?.store }, { tracker, store });
  }
});
