import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { folderWith, modelcard, repoRoot } from '../../helpers/cli';
import { completeCard, withCrlf } from '../../helpers/ruleTests';

const mistakes = readFileSync(path.join(repoRoot, 'examples/typical-mistakes.modelcard.yaml'), 'utf8');
const card = 'typical-mistakes.modelcard.yaml';

/** typical-mistakes with its safe fixes made by hand: quoting, the closest key, the closest pipeline tag, a percentage as a fraction. */
const fixedMistakes = mistakes
  .replace('version: 1.10 ', "version: '1.10' ")
  .replace('licence: MIT', 'license: MIT')
  .replace('language: no ', "language: 'no' ")
  .replace('task: sentiment-analysis', 'task: text-classification')
  .replace('value: 91.5 ', 'value: 0.915 ');

const fixLines = [
  `${card}:4: fixed MC044 Quote as '1.10'`,
  `${card}:5: fixed MC010 Rename to \`license\``,
  `${card}:6: fixed MC043 Quote as 'no'`,
  `${card}:7: fixed MC012 Change to \`text-classification\``,
  `${card}:15: fixed MC022 Change to 0.915`,
];

interface JsonFinding {
  code: string;
  fix?: { safe?: boolean };
}

describe('modelcard lint --fix and --fix-dry-run', () => {
  it('--fix applies every safe fix in place, keeping comments, and prints what it changed', () => {
    const folder = folderWith({ [card]: mistakes });
    try {
      const run = modelcard(['lint', '--fix', card], folder);
      assert.equal(fixedMistakes === mistakes, false);
      assert.equal(readFileSync(path.join(folder, card), 'utf8'), fixedMistakes);
      assert.equal(run.status, 1, 'errors that need a person remain');
      assert.equal(run.stderr, `${fixLines.join('\n')}\nFixed 5 problems in 1 card; what remains:\n4 errors, 7 warnings in 1 card.\n`);
      assert.doesNotMatch(run.stdout, /MC044|MC043|MC010|MC012/);
      assert.deepEqual(readdirSync(folder), [card], 'no temporary file is left behind');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('leaves only findings that need a person: none of them has a safe fix', () => {
    const folder = folderWith({ [card]: fixedMistakes });
    try {
      const report = JSON.parse(modelcard(['lint', '--format', 'json', card], folder).stdout) as { files: { diagnostics: JsonFinding[] }[] };
      const findings = report.files[0].diagnostics;
      assert.ok(findings.length > 0);
      assert.deepEqual(findings.filter((finding) => finding.fix?.safe === true), []);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps CRLF line endings in a CRLF card', () => {
    const folder = folderWith({ [card]: withCrlf(mistakes) });
    try {
      modelcard(['lint', '--fix', card], folder);
      assert.equal(readFileSync(path.join(folder, card), 'utf8'), withCrlf(fixedMistakes));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reports the fixes in the JSON report, and the findings of the fixed text', () => {
    const folder = folderWith({ [card]: mistakes });
    try {
      const report = JSON.parse(modelcard(['lint', '--fix', '--format', 'json', card], folder).stdout);
      assert.deepEqual(report.files[0].fixed.map((fix: { code: string; line: number }) => [fix.code, fix.line]), [['MC044', 4], ['MC010', 5], ['MC043', 6], ['MC012', 7], ['MC022', 15]]);
      assert.equal(report.summary.error, 4);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('never writes a card that has nothing to fix', () => {
    const folder = folderWith({ 'clean.modelcard.yaml': completeCard });
    try {
      const before = statSync(path.join(folder, 'clean.modelcard.yaml'));
      const run = modelcard(['lint', '--fix', 'clean.modelcard.yaml'], folder);
      assert.deepEqual(run, { status: 0, stdout: '', stderr: 'Fixed 0 problems in 0 cards; what remains:\nNo problems in 1 card.\n' });
      const after = statSync(path.join(folder, 'clean.modelcard.yaml'));
      assert.equal(after.mtimeMs, before.mtimeMs);
      assert.equal(after.ino, before.ino);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('fixes the target of a symbolic link and keeps the link', () => {
    const folder = folderWith({ [`real/${card}`]: mistakes });
    try {
      symlinkSync(path.join('real', card), path.join(folder, card));
      modelcard(['lint', '--fix', card], folder);
      assert.equal(readFileSync(path.join(folder, 'real', card), 'utf8'), fixedMistakes);
      assert.ok(statSync(path.join(folder, card), { throwIfNoEntry: true }).isFile());
      assert.equal(readdirSync(folder).sort().join(','), `real,${card}`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('--fix-dry-run prints a unified diff that git apply accepts, and writes nothing', () => {
    const folder = folderWith({ [card]: mistakes });
    try {
      const run = modelcard(['lint', '--fix-dry-run', card], folder);
      assert.equal(readFileSync(path.join(folder, card), 'utf8'), mistakes);
      const lines = run.stdout.split('\n');
      assert.deepEqual(lines.slice(0, 2), [`--- a/${card}`, `+++ b/${card}`]);
      assert.deepEqual(lines.filter((line) => line.startsWith('@@')), ['@@ -1,10 +1,10 @@', '@@ -12,7 +12,7 @@']);
      assert.deepEqual(lines.filter((line) => line.startsWith('-') && !line.startsWith('---')), [...mistakes.split('\n').slice(3, 7), mistakes.split('\n')[14]].map((line) => `-${line}`));
      assert.equal(run.stderr, `${fixLines.map((line) => line.replace(': fixed', ': would fix')).join('\n')}\nWould fix 5 problems in 1 card (nothing written); what remains:\n4 errors, 7 warnings in 1 card.\n`);
      assert.equal(run.status, 1);
      // The diff applies: git apply gives the text --fix would have written.
      writeFileSync(path.join(folder, 'fixes.diff'), run.stdout);
      execFileSync('git', ['apply', 'fixes.diff'], { cwd: folder });
      assert.equal(readFileSync(path.join(folder, card), 'utf8'), fixedMistakes);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses --fix with --fix-dry-run, and --fix-dry-run with another format', () => {
    const both = modelcard(['lint', '--fix', '--fix-dry-run', 'x'], repoRoot);
    assert.deepEqual(both, { status: 2, stdout: '', stderr: "modelcard: option '--fix-dry-run' cannot be used with option '--fix'\n" });
    const json = modelcard(['lint', '--fix-dry-run', '--format', 'json', 'examples/'], repoRoot);
    assert.deepEqual(json, { status: 2, stdout: '', stderr: 'modelcard: --fix-dry-run prints a diff; it cannot be combined with --format json\n' });
  });
});
