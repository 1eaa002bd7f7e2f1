import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { corpus, cycloneDxValidator, mctValidator, repoRoot } from '../../helpers/formats';

const cliPath = path.join(repoRoot, 'dist/cli.js');

function modelcard(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 30000 });
  return { status, stdout, stderr };
}

const badReadme = `---
license: Apache-2.0
pipeline_tag: text-classifier
model-index:
- results:
  - task:
      type: text-classification
    dataset:
      type: imdb
    metrics:
    - type: accuracy
      value: 0.9
---
# A model
`;

describe('modelcard import, export and lint README.md (the built CLI)', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-interop-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('lint README.md reports a bad licence, an unknown pipeline tag and a malformed model-index at their place', () => {
    writeFileSync(path.join(folder, 'README.md'), badReadme);
    const run = modelcard(['lint', 'README.md', '--format', 'json'], folder);
    assert.equal(run.status, 1);
    const [file] = JSON.parse(run.stdout).files;
    assert.deepEqual(
      file.diagnostics.map((diagnostic: Record<string, unknown>) => `${diagnostic.code} ${diagnostic.line}:${diagnostic.column}-${diagnostic.endLine}:${diagnostic.endColumn}`),
      ['MC071 2:10-2:20', 'MC072 3:15-3:30', 'MC074 5:3-5:10', 'MC074 8:5-8:12'],
    );
  });

  it('lint finds README.md files in folders only with --hub-readmes', () => {
    writeFileSync(path.join(folder, 'README.md'), badReadme);
    assert.match(modelcard(['lint', '.'], folder).stderr, /no model cards/);
    const run = modelcard(['lint', '.', '--hub-readmes', '--format', 'json'], folder);
    assert.deepEqual(JSON.parse(run.stdout).files.map((file: { path: string }) => file.path), ['README.md']);
  });

  it('import writes a card that lints without errors, never over a file (-2), and prints the loss report', () => {
    cpSync(path.join(repoRoot, 'examples/hub-readme/README.md'), path.join(folder, 'README.md'));
    const first = modelcard(['import', 'README.md', '--from', 'hf'], folder);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^Wrote review-sentiment\.modelcard\.yaml from README\.md \(Hugging Face README\.md\)\./);
    const second = modelcard(['import', 'README.md'], folder);
    assert.match(second.stdout, /^Wrote review-sentiment-2\.modelcard\.yaml/);
    assert.equal(readFileSync(path.join(folder, 'review-sentiment.modelcard.yaml'), 'utf8'), readFileSync(path.join(folder, 'review-sentiment-2.modelcard.yaml'), 'utf8'));
    const card = parse(readFileSync(path.join(folder, 'review-sentiment.modelcard.yaml'), 'utf8'));
    assert.equal(card.license, 'Apache-2.0');
    assert.deepEqual(card.language, ['en', 'no']);
    assert.equal(modelcard(['lint', 'review-sentiment.modelcard.yaml'], folder).status, 0);
  });

  it('import of an MCT card writes its base64 graphics as image files beside the card', () => {
    cpSync(path.join(corpus, 'mct/cats_vs_dogs_v0_0_2.json'), path.join(folder, 'cats.json'));
    const run = modelcard(['import', 'cats.json', '--from', 'mct', '-o', 'cats.modelcard.yaml'], folder);
    assert.equal(run.status, 0, run.stderr);
    const card = parse(readFileSync(path.join(folder, 'cats.modelcard.yaml'), 'utf8'));
    for (const graphic of card.graphics) assert.equal(readFileSync(path.join(folder, graphic.path)).subarray(1, 4).toString(), 'PNG');
    assert.doesNotMatch(readFileSync(path.join(folder, 'cats.modelcard.yaml'), 'utf8'), /iVBORw0KGgo/, 'no image inlined');
  });

  it('import of a file that is not what --from says gives one clear line and writes nothing', () => {
    writeFileSync(path.join(folder, 'card.json'), '{"model_details": ');
    const run = modelcard(['import', 'card.json', '--from', 'mct'], folder);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^card\.json:1:\d+: error: Not valid JSON/);
    assert.deepEqual(readdirSync(folder), ['card.json']);
  });

  it('export never replaces a file without --force; --to hf --eval-results writes README.md and .eval_results', () => {
    cpSync(path.join(repoRoot, 'examples/speech-recognition.modelcard.yaml'), path.join(folder, 'speech.modelcard.yaml'));
    writeFileSync(path.join(folder, 'README.md'), 'my own README\n');
    const refused = modelcard(['export', 'speech.modelcard.yaml', '--to', 'hf'], folder);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /README\.md exists: nothing was written/);
    assert.equal(readFileSync(path.join(folder, 'README.md'), 'utf8'), 'my own README\n');
    const written = modelcard(['export', 'speech.modelcard.yaml', '--to', 'hf', '--eval-results', '--force'], folder);
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, /Not carried over \(\d+\):\n {2}metrics: /);
    assert.ok(readFileSync(path.join(folder, 'README.md'), 'utf8').startsWith('---\nlicense: apache-2.0\n'));
    assert.ok(existsSync(path.join(folder, '.eval_results/librispeech-asr.yaml')));
    assert.equal(modelcard(['lint', 'README.md'], folder).status, 0, 'the exported README passes the Hub checks');
  });

  it('export --to mct and --to cyclonedx (1.6 and --spec 1.5) write files that the official schemas accept', () => {
    cpSync(path.join(repoRoot, 'examples/speech-recognition.modelcard.yaml'), path.join(folder, 'speech.modelcard.yaml'));
    assert.equal(modelcard(['export', 'speech.modelcard.yaml', '--to', 'mct'], folder).status, 0);
    assert.ok(mctValidator()(JSON.parse(readFileSync(path.join(folder, 'speech.mct.json'), 'utf8'))));
    for (const spec of ['1.6', '1.5'] as const) {
      const run = modelcard(['export', 'speech.modelcard.yaml', '--to', 'cyclonedx', '--spec', spec, '-o', `bom-${spec}.cdx.json`], folder);
      assert.equal(run.status, 0, run.stderr);
      const validate = cycloneDxValidator(spec);
      const valid = validate(JSON.parse(readFileSync(path.join(folder, `bom-${spec}.cdx.json`), 'utf8')));
      assert.ok(valid, JSON.stringify(validate.errors));
    }
    assert.match(modelcard(['export', 'speech.modelcard.yaml', '--to', 'json', '--spec', '1.5'], folder).stderr, /--spec goes with --to cyclonedx/);
  });
});
