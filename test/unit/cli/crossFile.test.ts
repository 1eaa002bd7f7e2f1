import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { folderWith, modelcard } from '../../helpers/cli';
import { ragWorkspace } from '../../helpers/ragWorkspace';

describe('modelcard lint: the links between documents', () => {
  let folder: string;

  before(() => {
    const files = ragWorkspace({ systemStatus: 'approved' });
    folder = folderWith({
      ...files,
      'assistant.systemcard.yaml': files['assistant.systemcard.yaml'].replace('models/embedder.modelcard.yaml', 'models/embeder.modelcard.yaml'),
      'models/generator.modelcard.yaml': files['models/generator.modelcard.yaml'].replace('../data/support-articles.datasheet.yaml', 'reranker.modelcard.yaml'),
    });
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reports broken links, links to the wrong kind and unapproved components, reading linked documents it was not given', () => {
    const run = modelcard(['lint', 'assistant.systemcard.yaml', 'models/generator.modelcard.yaml'], folder);
    assert.equal(run.status, 1);
    assert.deepEqual(
      run.stdout.split('\n').filter((line) => / MC12\d /.test(line)),
      [
        "assistant.systemcard.yaml:11:11 error MC120 `models/embeder.modelcard.yaml` does not exist: no file at this path relative to this document's folder.",
        'assistant.systemcard.yaml:14:11 warning MC122 The system is `approved` but the model card of component `reranker` is `in_review`: approve it before the system.',
        'assistant.systemcard.yaml:20:11 warning MC122 The system is `approved` but the datasheet of component `index` states no review status: approve it before the system.',
        'models/generator.modelcard.yaml:9:16 warning MC121 `reranker.modelcard.yaml` is a model card; this link should lead to a datasheet (`*.datasheet.yaml`).',
      ],
    );
  });

  it('takes the severities of --rule for the cross-file rules', () => {
    const run = modelcard(['lint', '--format', 'json', '--rule', 'broken-link=off', '--rule', 'MC122=off', '--rule', 'MC121=error', 'assistant.systemcard.yaml', 'models/generator.modelcard.yaml'], folder);
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { code: string; severity: string }[] }[] };
    assert.deepEqual(
      report.files.map((file) => [file.path, file.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('MC12')).map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`)]),
      [['assistant.systemcard.yaml', []], ['models/generator.modelcard.yaml', ['MC121 error']]],
    );
  });
});
