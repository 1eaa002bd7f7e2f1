import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../../server/src/protocol';
import { sectionDigest } from '../../../server/src/service/card/sectionDigest';
import { createLanguageService } from '../../../server/src/service/languageService';
import { parsePolicy } from '../../../server/src/service/policy/parsePolicy';
import { folderWith, modelcard, repoRoot } from '../../helpers/cli';

const exampleFolder = path.join(repoRoot, 'examples/governance');
const cardName = 'chest-xray-triage.modelcard.yaml';
const example = readFileSync(path.join(exampleFolder, cardName), 'utf8');

describe('modelcard sign and render --audience', () => {
  let folder: string;
  beforeEach(() => {
    folder = folderWith({});
    cpSync(exampleFolder, folder, { recursive: true });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const card = () => readFileSync(path.join(folder, cardName), 'utf8');

  it('sign appends one sign-off with the digest of the section, and changes nothing else in the file', () => {
    const run = modelcard(['sign', cardName, '--section', 'limitations', '--role', 'data science', '--name', 'J. Park', '--date', '2026-04-01', '--comment', 'Checked: the ICU caveat'], folder);
    assert.equal(run.status, 0, run.stderr);
    const digest = sectionDigest(parse(example), 'limitations');
    assert.equal(run.stdout, `Signed off \`limitations\` in ${cardName} as J. Park (data science) on 2026-04-01 (${digest.slice(0, 19)}…).\n`);
    const entry = `    - section: limitations\n      role: data science\n      name: J. Park\n      date: '2026-04-01'\n      digest: ${digest}\n      comment: 'Checked: the ICU caveat'\n`;
    assert.equal(card(), example.replace('  regulations: [EU AI Act Annex IV]\n', `${entry}  regulations: [EU AI Act Annex IV]\n`));
    assert.equal(modelcard(['lint', cardName], folder).status, 0, 'the new sign-off holds');
  });

  it('lint reports the sign-off stale once the section changes', () => {
    modelcard(['sign', cardName, '-s', 'limitations', '-r', 'data science', '-n', 'J. Park', '-d', '2026-04-01'], folder);
    writeFileSync(path.join(folder, cardName), card().replace('often missed.', 'missed.'));
    const run = modelcard(['lint', cardName], folder);
    assert.equal(run.status, 1);
    assert.match(run.stdout, new RegExp(`^${cardName}:\\d+:\\d+ error MC082 \`limitations\` changed after J\\. Park \\(data science\\) signed it on 2026-04-01`, 'm'));
  });

  it('refuses a section the card does not have, in one line, and leaves the file as it was', () => {
    const run = modelcard(['sign', cardName, '-s', 'tradeoffs', '-r', 'data science', '-n', 'J. Park'], folder);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `modelcard: ${cardName}: The card has no \`tradeoffs\` to sign off.\n`);
    assert.equal(card(), example);
  });

  it('warns when the policy gives the section to other roles, and signs all the same', () => {
    const run = modelcard(['sign', cardName, '-s', 'intended_use', '-r', 'compliance', '-n', 'L. Meyer', '-d', '2026-04-01'], folder);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, 'modelcard: warning: the policy has `intended_use` signed by clinician or product, not compliance (rule MC084 will report it)\n');
  });

  it('render gives each audience the document the editor shows, under the policy beside the card', () => {
    const policy = parsePolicy(readFileSync(path.join(exampleFolder, '.modelcard-policy.yaml'), 'utf8')).policy;
    const document = TextDocument.create(pathToFileURL(path.join(folder, cardName)).href, 'modelcard', 1, example);
    for (const audience of ['technical', 'regulatory', 'summary'] as const) {
      const run = modelcard(['render', cardName, '--format', 'md', '--audience', audience], folder);
      assert.equal(run.status, 0, run.stderr);
      const expected = createLanguageService().renderMarkdown(document, audience, { ...defaultSettings, policy });
      assert.equal(run.stdout, expected, audience);
    }
  });
});
