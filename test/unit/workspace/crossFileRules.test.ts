import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultSettings } from '../../../server/src/protocol';
import { validateLinks } from '../../../server/src/service/diagnostics/validateLinks';
import { range, textAt } from '../../helpers/cards';
import { InMemoryWorkspace } from '../../helpers/workspaces';
import { ragWorkspace } from '../../helpers/ragWorkspace';

describe('cross-file rules', () => {
  it('finds nothing in a workspace whose links all lead to documents of the right kind', () => {
    const workspace = new InMemoryWorkspace(ragWorkspace());
    for (const path of workspace.texts.keys()) assert.deepEqual(workspace.linkDiagnostics(path), [], path);
  });

  describe('MC120 broken-link', () => {
    it('underlines the path of a link to no file, and clears when the file is created', () => {
      const files = ragWorkspace();
      const text = files['assistant.systemcard.yaml'].replace('models/reranker.modelcard.yaml', 'models/rerank.modelcard.yaml');
      const workspace = new InMemoryWorkspace({ ...files, 'assistant.systemcard.yaml': text });
      const [diagnostic, ...others] = workspace.linkDiagnostics('assistant.systemcard.yaml');
      assert.deepEqual(others, []);
      assert.deepEqual(diagnostic.range, range(13, 10, 13, 38));
      assert.equal(textAt(text, diagnostic.range), 'models/rerank.modelcard.yaml');
      assert.equal(diagnostic.code, 'MC120');
      assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
      assert.equal(diagnostic.message, "`models/rerank.modelcard.yaml` does not exist: no file at this path relative to this document's folder.");
      workspace.write('models/rerank.modelcard.yaml', files['models/reranker.modelcard.yaml']);
      assert.deepEqual(workspace.linkDiagnostics('assistant.systemcard.yaml'), []);
    });

    it("reads a card's datasheet link relative to the card's folder, inside its quotes", () => {
      const files = ragWorkspace();
      const text = files['models/generator.modelcard.yaml'].replace('datasheet: ../data/support-articles.datasheet.yaml', "datasheet: '../support-articles.datasheet.yaml'");
      const workspace = new InMemoryWorkspace({ ...files, 'models/generator.modelcard.yaml': text });
      const [diagnostic] = workspace.linkDiagnostics('models/generator.modelcard.yaml');
      assert.equal(textAt(text, diagnostic.range), '../support-articles.datasheet.yaml');
      assert.equal(diagnostic.code, 'MC120');
    });

    it('follows a link that was broken when its target is deleted', () => {
      const workspace = new InMemoryWorkspace(ragWorkspace());
      workspace.delete('data/support-articles.datasheet.yaml');
      assert.deepEqual(workspace.linkDiagnostics('models/generator.modelcard.yaml').map((diagnostic) => diagnostic.code), ['MC120']);
      assert.deepEqual(workspace.linkDiagnostics('assistant.systemcard.yaml').map((diagnostic) => diagnostic.code), ['MC120']);
    });

    it('leaves URLs of other schemes alone', () => {
      const files = ragWorkspace();
      const text = files['assistant.systemcard.yaml'].replace('models/reranker.modelcard.yaml', 'https://huggingface.co/BAAI/bge-reranker-base');
      const workspace = new InMemoryWorkspace({ ...files, 'assistant.systemcard.yaml': text });
      assert.deepEqual(workspace.linkDiagnostics('assistant.systemcard.yaml'), []);
    });
  });

  describe('MC121 link-to-wrong-kind', () => {
    it("underlines a dataset's datasheet link that leads to a model card, and says what it should lead to", () => {
      const files = ragWorkspace();
      const text = files['models/generator.modelcard.yaml'].replace('../data/support-articles.datasheet.yaml', 'embedder.modelcard.yaml');
      const workspace = new InMemoryWorkspace({ ...files, 'models/generator.modelcard.yaml': text });
      const [diagnostic, ...others] = workspace.linkDiagnostics('models/generator.modelcard.yaml');
      assert.deepEqual(others, []);
      assert.equal(textAt(text, diagnostic.range), 'embedder.modelcard.yaml');
      assert.equal(diagnostic.code, 'MC121');
      assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
      assert.equal(diagnostic.message, '`embedder.modelcard.yaml` is a model card; this link should lead to a datasheet (`*.datasheet.yaml`).');
    });

    it("finds a component's link to a system card, and to a file that is no document", () => {
      const files = ragWorkspace();
      const text = files['assistant.systemcard.yaml'].replace('models/reranker.modelcard.yaml', 'assistant.systemcard.yaml').replace('models/embedder.modelcard.yaml', 'README.md');
      const workspace = new InMemoryWorkspace({ ...files, 'assistant.systemcard.yaml': text }, ['README.md']);
      assert.deepEqual(
        workspace.linkDiagnostics('assistant.systemcard.yaml').map((diagnostic) => [diagnostic.code, diagnostic.message]),
        [
          ['MC121', '`README.md` is no model card, datasheet or system card (by its file name); this link should lead to a model card (`*.modelcard.yaml`) or a datasheet (`*.datasheet.yaml`).'],
          ['MC121', '`assistant.systemcard.yaml` is a system card; this link should lead to a model card (`*.modelcard.yaml`) or a datasheet (`*.datasheet.yaml`).'],
        ],
      );
    });
  });

  describe('MC122 component-not-approved', () => {
    it('underlines the link of each component whose card is not approved when the system is approved, and follows the card', () => {
      const files = ragWorkspace({ systemStatus: 'approved' });
      const workspace = new InMemoryWorkspace(files);
      const text = files['assistant.systemcard.yaml'];
      const found = workspace.linkDiagnostics('assistant.systemcard.yaml');
      assert.deepEqual(
        found.map((diagnostic) => [diagnostic.code, textAt(text, diagnostic.range), diagnostic.message]),
        [
          ['MC122', 'models/reranker.modelcard.yaml', 'The system is `approved` but the model card of component `reranker` is `in_review`: approve it before the system.'],
          ['MC122', 'data/support-articles.datasheet.yaml', 'The system is `approved` but the datasheet of component `index` states no review status: approve it before the system.'],
        ],
      );
      assert.equal(found[0].severity, DiagnosticSeverity.Warning);
      workspace.write('models/reranker.modelcard.yaml', files['models/reranker.modelcard.yaml'].replace('status: in_review', 'status: published'));
      assert.deepEqual(workspace.linkDiagnostics('assistant.systemcard.yaml').map((diagnostic) => textAt(text, diagnostic.range)), ['data/support-articles.datasheet.yaml']);
    });

    it('says nothing while the system is not approved', () => {
      const workspace = new InMemoryWorkspace(ragWorkspace({ systemStatus: 'in_review' }));
      assert.deepEqual(workspace.linkDiagnostics('assistant.systemcard.yaml'), []);
    });
  });

  describe('MC123 dataset-without-datasheet', () => {
    const files = ragWorkspace();
    const card = `${files['models/generator.modelcard.yaml']}evaluation_data:\n  - name: support-articles\n  - name: tickets-2025\n    datasheet: ''\n`;
    const mc123 = (workspace: InMemoryWorkspace) => workspace.linkDiagnostics('models/generator.modelcard.yaml').filter((diagnostic) => diagnostic.code === 'MC123');

    it("hints at a named dataset with no datasheet link when the workspace has a datasheet of its name, and names it", () => {
      const workspace = new InMemoryWorkspace({ ...files, 'models/generator.modelcard.yaml': card });
      const found = mc123(workspace);
      assert.deepEqual(
        found.map((diagnostic) => [textAt(card, diagnostic.range), diagnostic.range.start.line, diagnostic.message]),
        [
          ['support-articles', 10, 'Dataset `support-articles` links no datasheet, and `../data/support-articles.datasheet.yaml` documents a dataset of this name: add `datasheet: ../data/support-articles.datasheet.yaml`.'],
        ],
      );
      assert.equal(found[0].severity, DiagnosticSeverity.Hint);
    });

    it('says nothing when the workspace has no datasheet of its name', () => {
      const workspace = new InMemoryWorkspace({ ...files, 'models/generator.modelcard.yaml': card });
      workspace.delete('data/support-articles.datasheet.yaml');
      assert.deepEqual(mc123(workspace), []);
    });
  });

  it('leaves paths and dataset names that are still placeholders to MC030', () => {
    const files = ragWorkspace();
    const system = files['assistant.systemcard.yaml'].replace('models/embedder.modelcard.yaml', "TODO path of the embedding model's card");
    const card = `${files['models/generator.modelcard.yaml']}evaluation_data:\n  - name: TODO evaluation dataset\n`;
    const workspace = new InMemoryWorkspace({ ...files, 'assistant.systemcard.yaml': system, 'models/generator.modelcard.yaml': card });
    assert.deepEqual(workspace.linkDiagnostics('assistant.systemcard.yaml'), []);
    assert.deepEqual(workspace.linkDiagnostics('models/generator.modelcard.yaml'), []);
  });

  it('takes severities from the settings, by code and by name, and `off`', () => {
    const workspace = new InMemoryWorkspace(ragWorkspace({ systemStatus: 'approved' }));
    const uri = workspace.uri('assistant.systemcard.yaml');
    const severities = (rules: Record<string, 'error' | 'off'>) => validateLinks(uri, workspace.index, { ...defaultSettings, rules }, () => false).map((diagnostic) => diagnostic.severity);
    assert.deepEqual(severities({ MC122: 'error' }), [DiagnosticSeverity.Error, DiagnosticSeverity.Error]);
    assert.deepEqual(severities({ 'component-not-approved': 'off' }), []);
  });
});
