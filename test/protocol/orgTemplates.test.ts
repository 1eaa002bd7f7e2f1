import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultSettings, orgTemplatesRequest, type OrgTemplateList } from '../../server/src/protocol';
import { repoRoot } from '../helpers/cli';
import { LspTestClient } from '../helpers/lspClient';

const exampleFolder = path.join(repoRoot, 'examples/governance');
const exampleTemplate = 'clinical-imaging.modelcard.yaml';

describe('modelcard/templates: the organisation templates for new documents in a folder', () => {
  let folder: string;
  let client: LspTestClient | undefined;
  const uri = (...parts: string[]) => pathToFileURL(path.join(folder, ...parts)).href;
  const templatesIn = (...parts: string[]) => client!.request<OrgTemplateList>(orgTemplatesRequest, { folder: uri(...parts) });

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-org-templates-'));
    cpSync(exampleFolder, path.join(folder, 'governance'), { recursive: true });
  });

  afterEach(() => {
    if (client?.isRunning) client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers with the templates folder of the policy above the folder, even one not created yet', async () => {
    client = await LspTestClient.start();
    const text = readFileSync(path.join(exampleFolder, 'templates', exampleTemplate), 'utf8');
    assert.deepEqual(await templatesIn('governance', 'models', 'new'), {
      policy: { uri: uri('governance', '.modelcard-policy.yaml'), organisation: 'Northwind Health' },
      templates: [
        {
          id: 'org:clinical-imaging',
          label: text.split('\n')[0].replace('# ', ''),
          detail: `Northwind Health template (${exampleTemplate})`,
          text,
          kindId: 'modelCard',
          fileName: exampleTemplate,
        },
      ],
      problems: [],
    });
    assert.deepEqual(await templatesIn(), { templates: [], problems: [] }, 'no policy above');
  });

  it('reports a file that is not a template and a folder that cannot be read, one line each', async () => {
    writeFileSync(path.join(folder, 'governance', 'templates', 'broken.datasheet.yaml'), 'name: ${name}\n  purpose: x\n');
    client = await LspTestClient.start();
    const answer = await templatesIn('governance');
    assert.deepEqual(answer.templates.map((template) => template.id), ['org:clinical-imaging']);
    assert.deepEqual(answer.problems, [
      `${path.join(folder, 'governance', 'templates')}${path.sep}broken.datasheet.yaml:1:7: not valid YAML: Nested mappings are not allowed in compact mappings`,
    ]);
    rmSync(path.join(folder, 'governance', 'templates'), { recursive: true });
    const missing = await templatesIn('governance');
    assert.deepEqual(missing.templates, []);
    assert.deepEqual(missing.problems, [
      `cannot read the templates folder ${path.join(folder, 'governance', 'templates')} that ${path.join(folder, 'governance', '.modelcard-policy.yaml')} names: ENOENT (no such folder)`,
    ]);
  });

  it('takes the policy the modelcard.policy setting names, for a folder with none above it', async () => {
    const policyFile = path.join(folder, 'governance', '.modelcard-policy.yaml');
    client = await LspTestClient.start({ configuration: (items) => items.map(() => ({ ...defaultSettings, policy: policyFile })) });
    const answer = await templatesIn('elsewhere');
    assert.equal(answer.policy?.uri, pathToFileURL(policyFile).href);
    assert.deepEqual(answer.templates.map((template) => template.id), ['org:clinical-imaging']);
  });
});
