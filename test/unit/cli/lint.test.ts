import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { RuleCode } from '../../../server/src/service/diagnostics/ruleTypes';
import { folderWith, modelcard, repoRoot, type CliRun } from '../../helpers/cli';
import { completeCard, withCrlf } from '../../helpers/ruleTests';

const allCodes = Object.values(RuleCode);

interface JsonReport {
  files: {
    path: string;
    diagnostics: {
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      severity: string;
      code: string;
      rule: string;
      message: string;
      fix?: unknown;
    }[];
  }[];
  summary: { cards: number; error: number; warning: number; information: number; hint: number };
}

function jsonReport(run: CliRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

/** The complete card with one unknown key on line 2 (an error) and one placeholder on line 14 (a warning). */
const cardWithErrors = completeCard.replace("version: '1.0'\n", "version: '1.0'\nlicence: mit\n").replace('No personal data', 'TODO');

describe('modelcard (the built CLI)', () => {
  let folder: string;

  before(() => {
    folder = folderWith({
      'clean.modelcard.yaml': completeCard,
      'errors.modelcard.yaml': cardWithErrors,
      'crlf/errors.modelcard.yaml': withCrlf(cardWithErrors),
      'nested/deeper/warnings.modelcard.yml': completeCard.replace('No personal data', 'TODO'),
      'node_modules/some-package/ignored.modelcard.yaml': 'not: [a card\n',
      'nested/notes.yaml': 'not a card\n',
      'empty-folder/readme.txt': 'no cards here\n',
    });
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  describe('exit codes', () => {
    it('0 for a clean card, with a summary on stderr and nothing on stdout', () => {
      const run = modelcard(['lint', 'clean.modelcard.yaml'], folder);
      assert.deepEqual(run, { status: 0, stdout: '', stderr: 'No problems in 1 card.\n' });
    });

    it('0 for a card with warnings only', () => {
      const run = modelcard(['lint', 'nested/deeper/warnings.modelcard.yml'], folder);
      assert.equal(run.status, 0);
      assert.equal(run.stderr, '1 warning in 1 card.\n');
    });

    it('1 for a card with errors', () => {
      assert.equal(modelcard(['lint', 'errors.modelcard.yaml'], folder).status, 1);
    });

    it('2 for an unknown command (one line, with the closest command), and the help for no command', () => {
      assert.deepEqual(modelcard(['frobnicate'], folder), { status: 2, stdout: '', stderr: "modelcard: unknown command 'frobnicate'\n" });
      assert.deepEqual(modelcard(['lnt'], folder), { status: 2, stdout: '', stderr: "modelcard: unknown command 'lnt' (did you mean lint?)\n" });
      const none = modelcard([], folder);
      assert.equal(none.status, 2);
      assert.match(none.stderr, /^Usage: modelcard \[options\] \[command\]/);
    });

    it('2 for a --format that does not exist, listing the formats on one line', () => {
      const run = modelcard(['lint', '--format', 'xml', 'clean.modelcard.yaml'], folder);
      assert.deepEqual(run, {
        status: 2,
        stdout: '',
        stderr: `modelcard: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, github, gitlab, junit.\n`,
      });
    });

    it('2 for a --rule without a severity, with an unknown severity, or naming no rule', () => {
      for (const rule of ['MC003', 'MC003=loud', 'MC003=off=on', 'MC999=off', 'missing-everything=off']) {
        const run = modelcard(['lint', '--rule', rule, 'clean.modelcard.yaml'], folder);
        assert.equal(run.status, 2, rule);
        assert.match(run.stderr, /^modelcard: --rule/, rule);
      }
    });

    it('2 for a path or glob that matches nothing, and for a folder without cards', () => {
      assert.deepEqual(modelcard(['lint', 'missing.modelcard.yaml'], folder), {
        status: 2,
        stdout: '',
        stderr: 'modelcard: missing.modelcard.yaml: no such file or folder\n',
      });
      assert.equal(modelcard(['lint', 'nothing/**/*.yaml'], folder).status, 2);
      assert.deepEqual(modelcard(['lint', 'empty-folder'], folder), {
        status: 2,
        stdout: '',
        stderr: 'modelcard: no model cards, datasheets or system cards (*.modelcard.yaml, *.datasheet.yaml, *.systemcard.yaml) in empty-folder\n',
      });
    });

    it('2 for a card that cannot be read', async () => {
      // A socket cannot be read by anyone (chmod 000 would not stop root, as in CI containers).
      const socketFolder = mkdtempSync(path.join(os.tmpdir(), 'mc-'));
      const server = createServer().listen(path.join(socketFolder, 'socket.modelcard.yaml'));
      try {
        await once(server, 'listening');
        const run = modelcard(['lint', 'socket.modelcard.yaml'], socketFolder);
        assert.equal(run.status, 2);
        assert.match(run.stderr, /^modelcard: cannot read socket\.modelcard\.yaml: /);
      } finally {
        server.close();
        rmSync(socketFolder, { recursive: true, force: true });
      }
    });
  });

  describe('text output', () => {
    it('prints file:line:col severity code message, from 1, in text order', () => {
      const run = modelcard(['lint', 'errors.modelcard.yaml'], folder);
      assert.equal(
        run.stdout,
        'errors.modelcard.yaml:3:1 error MC010 Unknown key `licence` in the card. Did you mean `license`?\n' +
          'errors.modelcard.yaml:14:25 warning MC030 Placeholder `TODO` left in `ethical_considerations`: replace it with what you know.\n',
      );
      assert.equal(run.stderr, '1 error, 1 warning in 1 card.\n');
    });

    it('gives the same lines and columns for a card with CRLF line endings', () => {
      const lf = modelcard(['lint', 'errors.modelcard.yaml'], folder).stdout;
      const crlf = modelcard(['lint', 'crlf/errors.modelcard.yaml'], folder).stdout;
      assert.equal(crlf, lf.replace(/^errors/gm, 'crlf/errors'));
    });
  });

  describe('JSON output', () => {
    it('has each file with its findings (positions from 1, rule name, fix) and a summary', () => {
      const run = modelcard(['lint', '--format', 'json', 'errors.modelcard.yaml', 'clean.modelcard.yaml'], folder);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, '');
      const report = jsonReport(run);
      assert.deepEqual(report.summary, { cards: 2, error: 1, warning: 1, information: 0, hint: 0 });
      assert.deepEqual(report.files.map((file) => file.path), ['errors.modelcard.yaml', 'clean.modelcard.yaml']);
      assert.deepEqual(report.files[0].diagnostics[0], {
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 8,
        severity: 'error',
        code: 'MC010',
        rule: 'unknown-key',
        message: 'Unknown key `licence` in the card. Did you mean `license`?',
        fix: { kind: 'replace', title: 'Rename to `license`', newText: 'license', safe: true },
      });
      assert.equal(report.files[0].diagnostics[1].code, 'MC030');
      assert.equal('fix' in report.files[0].diagnostics[1], false);
      assert.deepEqual(report.files[1].diagnostics, []);
    });

    it('is accepted as --format=json too', () => {
      assert.equal(jsonReport(modelcard(['lint', '--format=json', 'clean.modelcard.yaml'], folder)).summary.cards, 1);
    });
  });

  describe('SARIF output', () => {
    it('is SARIF 2.1.0 with every rule and one result per finding, located in its file', () => {
      const run = modelcard(['lint', '--format', 'sarif', 'errors.modelcard.yaml'], folder);
      assert.equal(run.status, 1);
      const sarif = JSON.parse(run.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      assert.equal(sarif.runs.length, 1);
      const [{ tool, results }] = sarif.runs;
      assert.equal(tool.driver.name, 'modelcard');
      assert.deepEqual(tool.driver.rules.map((rule: { id: string }) => rule.id), allCodes);
      assert.deepEqual(results[0], {
        ruleId: 'MC010',
        ruleIndex: allCodes.indexOf(RuleCode.UnknownKey),
        level: 'error',
        message: { text: 'Unknown key `licence` in the card. Did you mean `license`?' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'errors.modelcard.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 8 },
            },
          },
        ],
        partialFingerprints: { 'modelcardFinding/v1': results[0].partialFingerprints['modelcardFinding/v1'] },
      });
      assert.match(results[0].partialFingerprints['modelcardFinding/v1'], /^[0-9a-f]{32}$/);
      assert.deepEqual(
        results.map((result: { ruleId: string; level: string }) => [result.ruleId, result.level]),
        [['MC010', 'error'], ['MC030', 'warning']],
      );
    });

    it('gives each rule its configured level, none when turned off', () => {
      const sarif = JSON.parse(modelcard(['lint', '--format', 'sarif', '--rule', 'MC030=off', '--rule', 'unknown-key=hint', 'errors.modelcard.yaml'], folder).stdout);
      const levelOf = (id: string) => sarif.runs[0].tool.driver.rules.find((rule: { id: string }) => rule.id === id).defaultConfiguration.level;
      assert.deepEqual([levelOf('MC030'), levelOf('MC010'), levelOf('MC001')], ['none', 'note', 'error']);
      assert.deepEqual(sarif.runs[0].results.map((result: { ruleId: string; level: string }) => [result.ruleId, result.level]), [['MC010', 'note']]);
    });
  });

  describe('finding cards', () => {
    it('searches folders recursively for *.modelcard.yaml and *.modelcard.yml, skipping node_modules', () => {
      const paths = jsonReport(modelcard(['lint', '--format', 'json', '.'], folder)).files.map((file) => file.path);
      assert.deepEqual(paths, ['clean.modelcard.yaml', 'crlf/errors.modelcard.yaml', 'errors.modelcard.yaml', 'nested/deeper/warnings.modelcard.yml']);
    });

    it('searches the current folder when given no path, and names files under the folder given', () => {
      const current = jsonReport(modelcard(['lint', '--format', 'json'], folder)).files.map((file) => file.path);
      assert.equal(current.length, 4);
      const nested = jsonReport(modelcard(['lint', '--format', 'json', 'nested'], folder)).files.map((file) => file.path);
      assert.deepEqual(nested, [path.join('nested', 'deeper', 'warnings.modelcard.yml')]);
    });

    it('expands globs itself, and lists a card named twice once', () => {
      const globbed = modelcard(['lint', '--format', 'json', '**/errors.*.yaml', 'errors.modelcard.yaml'], folder);
      assert.deepEqual(jsonReport(globbed).files.map((file) => file.path), ['crlf/errors.modelcard.yaml', 'errors.modelcard.yaml']);
    });
  });

  describe('files that are not cards', () => {
    it('lints a file named explicitly whatever its name, but finds only cards in folders', () => {
      const run = modelcard(['lint', '--format', 'json', 'nested/notes.yaml', 'nested'], folder);
      assert.deepEqual(jsonReport(run).files.map((file) => file.path), ['nested/notes.yaml', path.join('nested', 'deeper', 'warnings.modelcard.yml')]);
      assert.equal(jsonReport(run).files[0].diagnostics[0].code, 'MC040');
    });

    it('says in one line that a binary file is not a card (exit code 2), and lints the others', () => {
      const binary = folderWith({ 'photo.modelcard.yaml': 'name: \u0000\u0001PNG', 'clean.modelcard.yaml': completeCard });
      try {
        assert.deepEqual(modelcard(['lint', '.'], binary), {
          status: 2,
          stdout: '',
          stderr: 'modelcard: photo.modelcard.yaml is not a text file (a model card is YAML)\nNo problems in 1 card.\n',
        });
      } finally {
        rmSync(binary, { recursive: true, force: true });
      }
    });
  });

  describe('threads', () => {
    it('gives the same report on worker threads (--jobs 3) as on one thread, in the same order', () => {
      const many = folderWith(
        Object.fromEntries(
          Array.from({ length: 40 }, (_, index) => [`cards/card-${String(index).padStart(2, '0')}.modelcard.yaml`, index % 3 === 0 ? cardWithErrors : completeCard]),
        ),
      );
      try {
        const one = modelcard(['lint', '--format', 'json', '--jobs', '1', 'cards'], many);
        const three = modelcard(['lint', '--format', 'json', '--jobs', '3', 'cards'], many);
        assert.equal(three.status, 1);
        assert.equal(three.stdout, one.stdout);
        assert.equal(jsonReport(three).summary.error, 14);
      } finally {
        rmSync(many, { recursive: true, force: true });
      }
    });
  });

  describe('progress', () => {
    it('shows a progress line on a terminal, and clears it before the summary', function () {
      // `script` (util-linux) runs the command on a pseudo-terminal, as a person's shell would.
      const many = folderWith(Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`c${index}.modelcard.yaml`, completeCard])));
      try {
        const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(repoRoot, 'dist/cli.js'))} lint --jobs 1 .`;
        const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: many, encoding: 'utf8', timeout: 30000 });
        if (run.error) this.skip();
        assert.match(run.stdout, /^\r\x1b\[2KLinting 8\/20 cards/);
        assert.match(run.stdout, /\r\x1b\[2KNo problems in 20 cards\.\r?\n$/);
        assert.equal(run.status, 0);
      } finally {
        rmSync(many, { recursive: true, force: true });
      }
    });
  });

  describe('gates', () => {
    it('--max-warnings N: exit code 1 when there are more than N warnings, with a line saying so', () => {
      const atLimit = modelcard(['lint', '--max-warnings', '1', 'nested/deeper/warnings.modelcard.yml'], folder);
      assert.equal(atLimit.status, 0);
      const over = modelcard(['lint', '--max-warnings', '0', 'nested/deeper/warnings.modelcard.yml'], folder);
      assert.equal(over.status, 1);
      assert.equal(over.stderr, 'modelcard: 1 warning, more than --max-warnings 0\n1 warning in 1 card.\n');
    });

    it('--require-status: exit code 1 and a line for each card below the status; archived fails; published passes approved', () => {
      const cards = folderWith({
        'draft.modelcard.yaml': completeCard,
        'review.modelcard.yaml': `${completeCard}governance:\n  status: in_review\n`,
        'approved.modelcard.yaml': `${completeCard}governance:\n  status: approved\n  reviews:\n    - {reviewer: A, decision: approved, date: '2024-01-01'}\n`,
        'published.modelcard.yaml': `${completeCard}governance:\n  status: published\n  reviews:\n    - {reviewer: A, decision: approved, date: '2024-01-01'}\n`,
        'archived.modelcard.yaml': `${completeCard}governance:\n  status: archived\n`,
      });
      try {
        const run = modelcard(['lint', '--require-status', 'approved', '.'], cards);
        assert.equal(run.status, 1);
        assert.equal(
          run.stderr,
          'archived.modelcard.yaml: status is archived, not approved (--require-status approved)\n' +
            'draft.modelcard.yaml: status is not set (a draft), below approved (--require-status approved)\n' +
            'review.modelcard.yaml: status is in_review, below approved (--require-status approved)\n' +
            'No problems in 5 cards.\n',
        );
        const passing = modelcard(['lint', '--require-status', 'approved', 'approved.modelcard.yaml', 'published.modelcard.yaml'], cards);
        assert.deepEqual(passing, { status: 0, stdout: '', stderr: 'No problems in 2 cards.\n' });
        assert.equal(modelcard(['lint', '--require-status', 'published', 'approved.modelcard.yaml'], cards).status, 1);
      } finally {
        rmSync(cards, { recursive: true, force: true });
      }
    });
  });

  describe('severity overrides', () => {
    it('--rule CODE=off drops that rule’s findings', () => {
      const run = modelcard(['lint', '--rule', 'MC030=off', 'errors.modelcard.yaml'], folder);
      assert.doesNotMatch(run.stdout, /MC030/);
      assert.match(run.stdout, /MC010/);
    });

    it('--rule NAME=SEVERITY changes the exit code when it lowers the only error', () => {
      const run = modelcard(['lint', '--rule', 'unknown-key=warning', '--rule', 'MC030=off', 'errors.modelcard.yaml'], folder);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^errors\.modelcard\.yaml:3:1 warning MC010 /);
    });
  });

  it('modelcard rules lists every rule code with its name and default severity', () => {
    const run = modelcard(['rules'], folder);
    assert.equal(run.status, 0);
    const listed = run.stdout.trimEnd().split('\n').map((line) => line.split(/\s+/).slice(0, 3));
    assert.deepEqual(listed.map(([code]) => code), allCodes);
    assert.deepEqual(listed[0], ['MC001', 'missing-limitations', 'error']);
    assert.deepEqual(listed.find(([code]) => code === 'MC030'), ['MC030', 'placeholder', 'warning']);
  });

  describe('the example cards', () => {
    let report: JsonReport;
    const findingsOf = (name: string) => report.files.find((file) => file.path === path.join('examples', name))!.diagnostics;

    before(() => {
      const run = modelcard(['lint', '--format', 'json', 'examples/'], repoRoot);
      assert.equal(run.status, 1, 'typical-mistakes has errors on purpose');
      report = jsonReport(run);
    });

    it('are all linted', () => {
      assert.deepEqual(
        report.files.map((file) => path.relative('examples', file.path)),
        [
          path.join('governance', 'chest-xray-triage.modelcard.yaml'),
          'image-classifier.modelcard.yaml',
          path.join('rag-assistant', 'answer-writer.modelcard.yaml'),
          path.join('rag-assistant', 'kb-embedder.modelcard.yaml'),
          path.join('rag-assistant', 'support-articles.datasheet.yaml'),
          path.join('rag-assistant', 'support-assistant.systemcard.yaml'),
          'smiling-detection.modelcard.yaml',
          'speech-recognition.modelcard.yaml',
          path.join('tracking', 'churn.modelcard.yaml'),
          'typical-mistakes.modelcard.yaml',
        ],
      );
    });

    it('the seed sample (image-classifier) has no errors', () => {
      assert.deepEqual(findingsOf('image-classifier.modelcard.yaml').filter((d) => d.severity === 'error'), []);
    });

    it('smiling-detection, speech-recognition and the governance example (under its policy) have no findings at all', () => {
      assert.deepEqual(findingsOf('smiling-detection.modelcard.yaml'), []);
      assert.deepEqual(findingsOf('speech-recognition.modelcard.yaml'), []);
      assert.deepEqual(findingsOf(path.join('governance', 'chest-xray-triage.modelcard.yaml')), []);
    });

    it('the RAG system (rag-assistant/): its system card, the model cards and the datasheet it links have no findings at all', () => {
      const run = modelcard(['lint', '--format', 'json', 'examples/rag-assistant/'], repoRoot);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.deepEqual(
        jsonReport(run).files.map((file) => [path.relative(path.join('examples', 'rag-assistant'), file.path), file.diagnostics]),
        [
          ['answer-writer.modelcard.yaml', []],
          ['kb-embedder.modelcard.yaml', []],
          ['support-articles.datasheet.yaml', []],
          ['support-assistant.systemcard.yaml', []],
        ],
      );
    });

    it('typical-mistakes has each mistake its comments announce, on the commented line', () => {
      const announced: [string, string][] = [
        ['YAML reads this as the number 1.1', 'MC044'],
        ['unknown key: the field is `license`', 'MC010'],
        ['Norwegian, but YAML 1.1 tools read `false`', 'MC043'],
        ['not a Hugging Face pipeline tag', 'MC012'],
        ['a percentage where a fraction is expected', 'MC022'],
        ['not described in evaluation_data', 'MC021'],
        ['`language` is not a declared factor', 'MC024'],
        ['published, but no review approves it', 'MC050'],
      ];
      const lines = readFileSync(path.join(repoRoot, 'examples/typical-mistakes.modelcard.yaml'), 'utf8').split(/\r?\n/);
      const commented = lines.flatMap((line, index) => (/^[^#]+#/.test(line) ? [index + 1] : []));
      assert.equal(commented.length, announced.length, 'every commented mistake is listed here');
      const findings = findingsOf('typical-mistakes.modelcard.yaml');
      for (const [comment, code] of announced) {
        const line = lines.findIndex((text) => text.includes(`# ${comment}`)) + 1;
        assert.ok(line > 0, `comment "${comment}" is in the card`);
        assert.ok(
          findings.some((finding) => finding.line === line && finding.code === code),
          `${code} on line ${line} (${comment}); found ${JSON.stringify(findings.filter((finding) => finding.line === line))}`,
        );
      }
    });
  });
});
