import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cardTemplate } from '../../../server/src/service/templates/cardTemplates';
import { fillTemplate } from '../../../server/src/service/templates/cardFile';
import { folderWith, modelcard, repoRoot, writeFiles } from '../../helpers/cli';

const policy = 'policy_version: 1\norganisation: Northwind Health\ntemplates: org-templates/\n';
const clinical = '# Clinical imaging model\nname: ${name}\nlicense: other\nlimitations: [TODO]\n';
const survey = 'name: ${name}\nmotivation:\n  purpose: TODO\n';
const ownStandard = '# Our standard\nname: ${name}\n';

describe('modelcard new with the organisation\'s templates', () => {
  let folder: string;
  beforeEach(() => {
    folder = folderWith({
      '.modelcard-policy.yaml': policy,
      'org-templates/clinical.modelcard.yaml': clinical,
      'org-templates/survey.datasheet.yaml': survey,
      'org-templates/standard.modelcard.yaml': ownStandard,
      'org-templates/README.md': 'How to write a template\n',
    });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const written = (file: string) => readFileSync(path.join(folder, file), 'utf8');

  it('writes an org template of the policy above --out, the name filled in', () => {
    const run = modelcard(['new', '-t', 'org:clinical', '-n', 'Chest X-ray: Triage', '--out', 'models/ward'], folder);
    const file = path.join('models', 'ward', 'chest-x-ray-triage.modelcard.yaml');
    assert.deepEqual(run, { status: 0, stdout: `Created ${file} from the Clinical imaging model template. Fill in the TODOs, then run: modelcard lint ${file}\n`, stderr: '' });
    assert.equal(written(file), fillTemplate(clinical, 'Chest X-ray: Triage'));
  });

  it('offers each template to its kind only', () => {
    assert.equal(modelcard(['new', '--kind', 'datasheet', '-t', 'org:survey', '-n', 'Ward survey'], folder).status, 0);
    assert.equal(written('ward-survey.datasheet.yaml'), fillTemplate(survey, 'Ward survey'));
    assert.deepEqual(modelcard(['new', '--kind', 'datasheet', '-t', 'org:clinical', '-n', 'x'], folder), {
      status: 2,
      stdout: '',
      stderr: 'modelcard: no datasheet template is named "org:clinical"; the templates are minimal, standard, org:survey\n',
    });
  });

  it('keeps the built-in template of the same name: standard is built in, org:standard is the organisation\'s', () => {
    modelcard(['new', '-t', 'standard', '-n', 'Built in'], folder);
    modelcard(['new', '-t', 'org:standard', '-n', 'Our own'], folder);
    assert.equal(written('built-in.modelcard.yaml'), fillTemplate(cardTemplate('standard')!.text, 'Built in'));
    assert.equal(written('our-own.modelcard.yaml'), fillTemplate(ownStandard, 'Our own'));
  });

  it('lists the built-in and org templates for an unknown one, with the closest', () => {
    assert.deepEqual(modelcard(['new', '-t', 'org:clinicl', '-n', 'x'], folder), {
      status: 2,
      stdout: '',
      stderr: 'modelcard: no model card template is named "org:clinicl" (did you mean org:clinical?); the templates are minimal, standard, hugging-face, model-card-toolkit, eu-ai-act-high-risk, org:clinical, org:standard\n',
    });
  });

  it('reads the templates of the --policy file, wherever --out is', () => {
    const elsewhere = folderWith({});
    try {
      const run = modelcard(['new', '-t', 'org:clinical', '-n', 'Chest', '--policy', path.join(folder, '.modelcard-policy.yaml')], elsewhere);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(readdirSync(elsewhere), ['chest.modelcard.yaml']);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('warns about a template file that is not valid YAML, in one line, and offers the others', () => {
    cpSync(path.join(folder, 'org-templates/clinical.modelcard.yaml'), path.join(folder, 'org-templates/clinical-2.modelcard.yaml'));
    rmSync(path.join(folder, 'org-templates/standard.modelcard.yaml'));
    writeFiles(folder, { 'org-templates/broken.modelcard.yaml': 'name: [${name}\n' });
    const run = modelcard(['new', '-t', 'org:clinical-2', '-n', 'Chest'], folder);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, `modelcard: warning: ${path.join('org-templates', 'broken.modelcard.yaml')}:2:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (left out)\n`);
    assert.equal(written('chest.modelcard.yaml'), fillTemplate(clinical, 'Chest'));
  });

  it('says in one line, exit code 2, when the folder the policy names cannot be read', () => {
    rmSync(path.join(folder, 'org-templates'), { recursive: true });
    assert.deepEqual(modelcard(['new', '-t', 'org:clinical', '-n', 'x'], folder), {
      status: 2,
      stdout: '',
      stderr: `modelcard: cannot read the templates folder ${path.join(folder, 'org-templates')} that ${path.join(folder, '.modelcard-policy.yaml')} names: ENOENT (no such folder)\n`,
    });
    assert.equal(modelcard(['new', '-t', 'minimal', '-n', 'x'], folder).status, 0, 'a built-in template needs no templates folder');
  });

  it('stops on a policy with problems, as lint does', () => {
    writeFiles(folder, { '.modelcard-policy.yaml': `${policy}templtes: x\n` });
    const run = modelcard(['new', '-t', 'org:clinical', '-n', 'x'], folder);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^modelcard: \.modelcard-policy\.yaml:4:1: unknown key `templtes`/);
  });

  it('--help says how org templates are named', () => {
    assert.match(modelcard(['new', '--help'], folder).stdout, /named org:<file name without the suffix>/);
  });

  it('the governance example\'s template makes a card that lint reads under its policy', () => {
    cpSync(path.join(repoRoot, 'examples/governance'), folder, { recursive: true });
    const run = modelcard(['new', '-t', 'org:clinical-imaging', '-n', 'Lung Nodules', '--out', 'models'], folder);
    assert.equal(run.status, 0, run.stderr);
    const lint = modelcard(['lint', '--format', 'json', 'models'], folder);
    assert.equal(lint.stderr, '');
    const findings: { code: string }[] = JSON.parse(lint.stdout).files[0].diagnostics;
    assert.ok(findings.length > 0 && findings.every((finding) => ['MC030', 'MC080'].includes(finding.code)), JSON.stringify(findings.map((f) => f.code)));
  });
});
