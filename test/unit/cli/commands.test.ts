import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cardTemplate } from '../../../server/src/service/templates/cardTemplates';
import { fillTemplate } from '../../../server/src/service/templates/cardFile';
import { folderWith, modelcard, repoRoot } from '../../helpers/cli';
import { completeDatasheet } from '../../helpers/kindDocuments';
import { completeCard } from '../../helpers/ruleTests';

const smiling = path.join(repoRoot, 'examples/smiling-detection.modelcard.yaml');
const smilingText = readFileSync(smiling, 'utf8');

describe('modelcard commands', () => {
  let folder: string;

  beforeEach(() => {
    folder = folderWith({});
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  describe('new', () => {
    it('writes the template with the model name, named after the model, and says where', () => {
      const run = modelcard(['new', '--template', 'minimal', '--name', 'Smiling Detection (v2)', '--out', 'models'], folder);
      assert.deepEqual(run, {
        status: 0,
        stdout: `Created ${path.join('models', 'smiling-detection-v2.modelcard.yaml')} from the Minimal template. Fill in the TODOs, then run: modelcard lint ${path.join('models', 'smiling-detection-v2.modelcard.yaml')}\n`,
        stderr: '',
      });
      const written = readFileSync(path.join(folder, 'models/smiling-detection-v2.modelcard.yaml'), 'utf8');
      assert.equal(written, fillTemplate(cardTemplate('minimal')!.text, 'Smiling Detection (v2)'));
    });

    it('never overwrites a card: the next name gets -2, then -3', () => {
      writeFileSync(path.join(folder, 'churn.modelcard.yaml'), 'mine\n');
      modelcard(['new', '-t', 'standard', '-n', 'Churn'], folder);
      modelcard(['new', '-t', 'standard', '-n', 'Churn'], folder);
      assert.deepEqual(readdirSync(folder).sort(), ['churn-2.modelcard.yaml', 'churn-3.modelcard.yaml', 'churn.modelcard.yaml']);
      assert.equal(readFileSync(path.join(folder, 'churn.modelcard.yaml'), 'utf8'), 'mine\n');
    });

    it('lists the templates in one line for an unknown one, with the closest', () => {
      assert.deepEqual(modelcard(['new', '--template', 'standart', '--name', 'x'], folder), {
        status: 2,
        stdout: '',
        stderr: 'modelcard: no model card template is named "standart" (did you mean standard?); the templates are minimal, standard, hugging-face, model-card-toolkit, eu-ai-act-high-risk\n',
      });
    });

    it('refuses a name without a letter or digit, and a missing --name, in one line', () => {
      assert.deepEqual(modelcard(['new', '-t', 'minimal', '-n', '***'], folder), { status: 2, stdout: '', stderr: 'modelcard: --name needs a letter or a digit, for the file name\n' });
      assert.deepEqual(modelcard(['new', '-t', 'minimal'], folder), { status: 2, stdout: '', stderr: "modelcard: required option '-n, --name <name>' not specified\n" });
      assert.deepEqual(readdirSync(folder), []);
    });
  });

  describe('render', () => {
    it('--format md gives the card as Markdown, metric results as a table', () => {
      const run = modelcard(['render', smiling, '--format', 'md'], folder);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^# Smiling Detection in Images v1\n\nDetects whether the person in a face image is smiling\.\n\n\*\*Status:\*\* Approved · \*\*Completeness:\*\* 100% · 0 errors, 0 warnings\n/);
      assert.ok(
        run.stdout.includes(
          '## Metrics\n\n| Metric | Value | 95% CI / interval | Slice | Dataset | Threshold |\n| --- | --- | --- | --- | --- | --- |\n' +
            '| false_positive_rate | 0.08 | 0.07 – 0.09 | overall | celeba-test | 0.5 |\n' +
            '| false_positive_rate | 0.12 | 0.09 – 0.15 | age: old, gender: male | celeba-test | 0.5 |\n',
        ),
        run.stdout,
      );
      const headings = run.stdout.split('\n').filter((line) => line.startsWith('## '));
      assert.deepEqual(headings, [
        '## Model details', '## Intended use', '## Factors', '## Metrics', '## Evaluation data', '## Training data',
        '## Quantitative analyses', '## Ethical considerations', '## Caveats and recommendations', '## Limitations', '## Environment', '## Governance',
      ]);
    });

    it('orders sections for the audience: governance first for reviewers, absent for the public, with no findings', () => {
      const card = path.join(repoRoot, 'examples/typical-mistakes.modelcard.yaml');
      const reviewer = modelcard(['render', card, '-f', 'md', '--audience', 'reviewer'], folder).stdout;
      assert.equal(reviewer.split('\n').find((line) => line.startsWith('## ') && line !== '## Model details'), '## Governance');
      assert.match(reviewer, /^> \*\*Error\*\* MC050 \(line 27\): The card is `published` but no review approves it/m);
      const reader = modelcard(['render', card, '-f', 'md', '--audience', 'public'], folder).stdout;
      assert.doesNotMatch(reader, /## Governance|MC0\d\d|errors?,/);
    });

    it('--format html is one self-contained page: inline CSS and SVG, no script, nothing loaded, light, dark and print styles', () => {
      const run = modelcard(['render', smiling, '--format', 'html'], folder);
      const page = run.stdout;
      assert.equal(run.status, 0);
      assert.match(page, /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
      assert.match(page, /<title>Smiling Detection in Images · Model card<\/title>/);
      assert.doesNotMatch(page, /<script|<link|<img|<iframe|@import|url\(/i);
      assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
      const links = [...page.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
      assert.ok(links.length > 0);
      for (const link of links) assert.ok(!/^(https?:)?\/\//.test(link) || smilingText.includes(link), `${link} is one of the card's own links`);
      assert.match(page, /@media print \{/);
      assert.match(page, /@media \(prefers-color-scheme: dark\) \{/);
      assert.match(page, /<svg role="img" aria-label="false_positive_rate by slice/);
      assert.match(page, /<h2>Metrics<\/h2><table class="metrics">/);
    });

    it('escapes what the card says, as the preview does', () => {
      writeFileSync(path.join(folder, 'x.modelcard.yaml'), completeCard.replace('ImageClassifier', '"<script>alert(1)</script>"'));
      const page = modelcard(['render', 'x.modelcard.yaml'], folder).stdout;
      assert.doesNotMatch(page, /<script>/);
      assert.match(page, /<h1>&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    });

    it('embeds the figures beside the card in the page (data: URIs), and links them from Markdown relative to where it is written', () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      writeFileSync(path.join(folder, 'x.modelcard.yaml'), `${completeCard}graphics:\n  - {name: Recall by age, path: figures/recall.png, description: Recall per age group}\n  - {name: Remote, path: 'https://example.com/x.png'}\n`);
      mkdirSync(path.join(folder, 'figures'));
      writeFileSync(path.join(folder, 'figures/recall.png'), png);
      const page = modelcard(['render', 'x.modelcard.yaml'], folder).stdout;
      assert.ok(page.includes(`<img src="data:image/png;base64,${png.toString('base64')}" alt="Recall per age group">`), page);
      assert.ok(page.includes('<p class="graphic-path">https://example.com/x.png</p>'));
      assert.equal(modelcard(['render', 'x.modelcard.yaml', '-o', 'out/card.md'], folder).status, 0);
      const markdown = readFileSync(path.join(folder, 'out/card.md'), 'utf8');
      assert.ok(markdown.includes('![Recall per age group](<../figures/recall.png>)\n\n**Recall by age** Recall per age group'), markdown);
      assert.ok(markdown.includes('`https://example.com/x.png`\n\n**Remote**'), markdown);
    });

    it('writes -o (Markdown for a .md name), and never over an existing file without --force', () => {
      assert.deepEqual(modelcard(['render', smiling, '-o', 'card.md'], folder), { status: 0, stdout: '', stderr: 'Wrote card.md\n' });
      assert.match(readFileSync(path.join(folder, 'card.md'), 'utf8'), /^# Smiling Detection in Images v1\n/);
      writeFileSync(path.join(folder, 'card.html'), 'mine');
      assert.deepEqual(modelcard(['render', smiling, '-o', 'card.html'], folder), { status: 2, stdout: '', stderr: 'modelcard: card.html exists; add --force to overwrite it\n' });
      assert.equal(readFileSync(path.join(folder, 'card.html'), 'utf8'), 'mine');
      assert.equal(modelcard(['render', smiling, '-o', 'card.html', '--force'], folder).status, 0);
      assert.match(readFileSync(path.join(folder, 'card.html'), 'utf8'), /^<!DOCTYPE html>/);
    });

    describe('a system card', () => {
      const system = path.join(repoRoot, 'examples/rag-assistant/support-assistant.systemcard.yaml');

      it('draws its components and data flow: inline SVG in the HTML page, a mermaid block in Markdown, Mermaid source with --format mermaid', () => {
        const page = modelcard(['render', system], folder).stdout;
        assert.doesNotMatch(page, /<script|<link|<img|<iframe|@import|url\((?!#flow-arrow\))/i);
        const svg = page.slice(page.indexOf('<figure class="flow-diagram">'), page.indexOf('</figure>', page.indexOf('<figure class="flow-diagram">')));
        assert.match(svg, /^<figure class="flow-diagram"><svg role="img" aria-label="Components and data flow of Support answer assistant"/);
        assert.equal((svg.match(/<g class="flow-node /g) ?? []).length, 8);
        assert.equal((svg.match(/<g class="flow-edge" /g) ?? []).length, 10);
        assert.match(svg, /<text class="flow-label"[^>]*>kb-embedder<\/text><text class="flow-kind"[^>]*>model<\/text>/);

        const mermaid = modelcard(['render', system, '--format', 'mermaid'], folder);
        assert.equal(mermaid.status, 0);
        assert.match(mermaid.stdout, /^flowchart LR\n {2}gateway\["Help-centre chat gateway"\]\n {2}embedder\("kb-embedder"\)\n/);
        assert.ok(mermaid.stdout.includes('\n  agent_review -->|"approved or edited answer"| gateway\n'));
        const markdown = modelcard(['render', system, '--format', 'md'], folder).stdout;
        assert.ok(markdown.includes(`## Components\n\n\`\`\`mermaid\n${mermaid.stdout}\`\`\`\n`), markdown);
        assert.deepEqual(modelcard(['render', system, '-o', 'system.mmd'], folder), { status: 0, stdout: '', stderr: 'Wrote system.mmd\n' });
        assert.equal(readFileSync(path.join(folder, 'system.mmd'), 'utf8'), mermaid.stdout);
      });

      it('says in one line that a model card has no diagram', () => {
        assert.deepEqual(modelcard(['render', smiling, '--format', 'mermaid'], folder), {
          status: 2,
          stdout: '',
          stderr: `modelcard: ${smiling} has no diagram: only a system card with components has one\n`,
        });
      });
    });

    it('says in one line that a card is missing', () => {
      assert.deepEqual(modelcard(['render', 'nope.modelcard.yaml'], folder), { status: 2, stdout: '', stderr: 'modelcard: cannot read nope.modelcard.yaml: ENOENT (no such file or folder)\n' });
    });
  });

  describe('migrate', () => {
    const versionOne = `# the team's card\nschema_version: 1   # the format version\n${completeCard}`;

    it('upgrades schema_version in place, keeping comments, then finds the card current', () => {
      writeFileSync(path.join(folder, 'a.modelcard.yaml'), versionOne);
      assert.deepEqual(modelcard(['migrate', 'a.modelcard.yaml'], folder), { status: 0, stdout: 'a.modelcard.yaml: schema_version 1 → 2\n', stderr: '' });
      assert.equal(readFileSync(path.join(folder, 'a.modelcard.yaml'), 'utf8'), versionOne.replace('schema_version: 1 ', 'schema_version: 2 '));
      assert.deepEqual(modelcard(['migrate', 'a.modelcard.yaml'], folder), { status: 0, stdout: 'a.modelcard.yaml: already current (schema_version 2)\n', stderr: '' });
    });

    it('--dry-run writes nothing', () => {
      writeFileSync(path.join(folder, 'a.modelcard.yaml'), versionOne);
      assert.equal(modelcard(['migrate', '--dry-run', '.'], folder).stdout, 'a.modelcard.yaml: schema_version 1 → 2 (dry run: not written)\n');
      assert.equal(readFileSync(path.join(folder, 'a.modelcard.yaml'), 'utf8'), versionOne);
    });

    it('says in one line why a card cannot be migrated (exit code 2), and migrates the others', () => {
      writeFileSync(path.join(folder, 'a.modelcard.yaml'), versionOne);
      writeFileSync(path.join(folder, 'b.modelcard.yaml'), '- a list\n');
      const run = modelcard(['migrate', '.'], folder);
      assert.deepEqual(run, {
        status: 2,
        stdout: 'a.modelcard.yaml: schema_version 1 → 2\n',
        stderr: 'modelcard: b.modelcard.yaml: The card is not a mapping of keys: there is nothing to migrate.\n',
      });
    });

    it('migrates model cards only: a folder’s datasheets and system cards are left alone, and one named says why', () => {
      writeFileSync(path.join(folder, 'a.modelcard.yaml'), versionOne);
      writeFileSync(path.join(folder, 'faces.datasheet.yaml'), completeDatasheet);
      assert.deepEqual(modelcard(['migrate', '.'], folder), { status: 0, stdout: 'a.modelcard.yaml: schema_version 1 → 2\n', stderr: '' });
      assert.deepEqual(modelcard(['migrate', 'faces.datasheet.yaml'], folder), { status: 0, stdout: 'faces.datasheet.yaml: nothing to migrate (the datasheet format has one version)\n', stderr: '' });
      assert.equal(readFileSync(path.join(folder, 'faces.datasheet.yaml'), 'utf8'), completeDatasheet);
    });
  });

  describe('rules', () => {
    it('--format json lists code, name, default severity and rationale', () => {
      const rules = JSON.parse(modelcard(['rules', '--format', 'json'], folder).stdout) as { code: string; name: string; defaultSeverity: string; rationale: string }[];
      assert.deepEqual(rules[0], {
        code: 'MC001',
        name: 'missing-limitations',
        defaultSeverity: 'error',
        rationale: rules[0].rationale,
      });
      assert.ok(rules.every((rule) => rule.rationale.length > 20));
    });
  });

  describe('the command line', () => {
    for (const command of ['lint', 'rules', 'new', 'render', 'migrate', 'fill']) {
      it(`${command} --help shows its usage and options, exit code 0`, () => {
        const run = modelcard([command, '--help'], folder);
        assert.equal(run.status, 0);
        assert.equal(run.stderr, '');
        assert.match(run.stdout, new RegExp(`^Usage: modelcard ${command} `));
        assert.match(run.stdout, /\n {2}-h, --help +show help\n/);
      });
    }

    it('--version prints the version', () => {
      const version = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
      assert.deepEqual(modelcard(['--version'], folder), { status: 0, stdout: `${version}\n`, stderr: '' });
    });

    it('suggests the closest option or command in one line (exit code 2)', () => {
      assert.deepEqual(modelcard(['lint', '--fromat', 'json'], folder), { status: 2, stdout: '', stderr: "modelcard: unknown option '--fromat' (did you mean --format?)\n" });
      assert.deepEqual(modelcard(['rendr', 'x'], folder), { status: 2, stdout: '', stderr: "modelcard: unknown command 'rendr' (did you mean render?)\n" });
      assert.deepEqual(modelcard(['lint', '--max-warnings', 'many'], folder), {
        status: 2,
        stdout: '',
        stderr: "modelcard: option '--max-warnings <count>' argument 'many' is invalid. expected a whole number (0, 1, 2...)\n",
      });
    });

    it('fill asks for a store, and takes one tracker only', () => {
      assert.deepEqual(modelcard(['fill', 'x.modelcard.yaml'], folder), {
        status: 2,
        stdout: '',
        stderr: 'modelcard: fill needs a store: --mlflow <mlflow.db or mlruns> or --wandb <folder>\n',
      });
      assert.deepEqual(modelcard(['fill', 'x.modelcard.yaml', '--mlflow', 'a', '--wandb', 'b'], folder), {
        status: 2,
        stdout: '',
        stderr: "modelcard: option '--mlflow <store>' cannot be used with option '--wandb <folder>'\n",
      });
    });

    it('never prints a stack trace for a user error', () => {
      const runs = [
        modelcard(['lint', 'missing-folder/'], folder),
        modelcard(['render'], folder),
        modelcard(['migrate', 'nothing*.yaml'], folder),
        modelcard(['lint', '--rule', 'MC999=off', '.'], folder),
      ];
      for (const run of runs) {
        assert.equal(run.status, 2);
        assert.equal(run.stderr.split('\n').length, 2, run.stderr);
        assert.doesNotMatch(run.stderr, /\n\s+at /);
      }
    });
  });
});
