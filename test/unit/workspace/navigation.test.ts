import assert from 'node:assert/strict';
import { documentLinks, linkDefinition, linkReferences } from '../../../server/src/service/features/linkNavigation';
import { renameEdits } from '../../../server/src/service/features/renameLinks';
import { range } from '../../helpers/cards';
import { ragWorkspace } from '../../helpers/ragWorkspace';
import { applyEdits, InMemoryWorkspace } from '../../helpers/workspaces';

/** The texts of the workspace after a rename's WorkspaceEdit, by the path each document had before it. */
function renamed(workspace: InMemoryWorkspace, renames: { from: string; to: string }[]): Record<string, string> {
  const edit = renameEdits(workspace.index, renames.map(({ from, to }) => ({ oldUri: workspace.uri(from), newUri: workspace.uri(to) })));
  const changes = edit.changes ?? {};
  const texts: Record<string, string> = {};
  for (const [path, text] of workspace.texts) {
    const edits = changes[workspace.uri(path)];
    if (edits) texts[path] = applyEdits(text, edits);
  }
  assert.equal(Object.keys(texts).length, Object.keys(changes).length, 'every edit is to a document of the workspace');
  return texts;
}

describe('navigation between documents', () => {
  const workspace = new InMemoryWorkspace(ragWorkspace());
  const system = () => workspace.index.get(workspace.uri('assistant.systemcard.yaml'))!;

  it('goes to the linked document from anywhere on its path, quoted or not', () => {
    const target = { uri: workspace.uri('models/embedder.modelcard.yaml'), range: range(0, 0, 0, 0) };
    assert.deepEqual(linkDefinition(system(), { line: 10, character: 10 }), target);
    assert.deepEqual(linkDefinition(system(), { line: 10, character: 40 }), target);
    assert.equal(linkDefinition(system(), { line: 10, character: 9 }), null);
    assert.equal(linkDefinition(system(), { line: 9, character: 12 }), null);
    assert.equal(linkDefinition(system(), { line: 16, character: 12 })?.uri, workspace.uri('models/generator.modelcard.yaml'));
  });

  it('gives the document links of every path', () => {
    assert.deepEqual(
      documentLinks(system()).map((link) => [link.range.start.line, link.range.start.character, link.range.end.character, link.target]),
      [
        [10, 10, 40, workspace.uri('models/embedder.modelcard.yaml')],
        [13, 10, 40, workspace.uri('models/reranker.modelcard.yaml')],
        [16, 11, 42, workspace.uri('models/generator.modelcard.yaml')],
        [19, 10, 46, workspace.uri('data/support-articles.datasheet.yaml')],
      ],
    );
  });

  it('finds which cards use a datasheet and which systems use a model', () => {
    assert.deepEqual(linkReferences(workspace.index, workspace.uri('data/support-articles.datasheet.yaml')), [
      { uri: workspace.uri('assistant.systemcard.yaml'), range: range(19, 10, 19, 46) },
      { uri: workspace.uri('models/generator.modelcard.yaml'), range: range(8, 15, 8, 54) },
    ]);
    assert.deepEqual(linkReferences(workspace.index, workspace.uri('models/embedder.modelcard.yaml')), [{ uri: workspace.uri('assistant.systemcard.yaml'), range: range(10, 10, 10, 40) }]);
    assert.deepEqual(linkReferences(workspace.index, workspace.uri('assistant.systemcard.yaml')), []);
  });

  describe('renaming and moving files', () => {
    it('rewrites every link to a renamed document, keeping quotes, and nothing else', () => {
      const before = ragWorkspace();
      const after = renamed(workspace, [{ from: 'models/generator.modelcard.yaml', to: 'models/llm generator.modelcard.yaml' }]);
      assert.deepEqual(after, {
        'assistant.systemcard.yaml': before['assistant.systemcard.yaml'].replace('card: "models/generator.modelcard.yaml"', 'card: "models/llm generator.modelcard.yaml"'),
      });
    });

    it("rewrites a moved document's own relative links, and the links to it", () => {
      const before = ragWorkspace();
      const after = renamed(workspace, [{ from: 'models/generator.modelcard.yaml', to: 'models/llm/generator.modelcard.yaml' }]);
      assert.deepEqual(after, {
        'assistant.systemcard.yaml': before['assistant.systemcard.yaml'].replace('"models/generator.modelcard.yaml"', '"models/llm/generator.modelcard.yaml"'),
        'models/generator.modelcard.yaml': before['models/generator.modelcard.yaml'].replace('../data/', '../../data/'),
      });
    });

    it('follows a folder that moves, with the documents in it', () => {
      const before = ragWorkspace();
      const after = renamed(workspace, [{ from: 'data', to: 'corpora/help centre' }]);
      assert.deepEqual(after, {
        'assistant.systemcard.yaml': before['assistant.systemcard.yaml'].replace('card: data/support-articles', 'card: corpora/help centre/support-articles'),
        'models/generator.modelcard.yaml': before['models/generator.modelcard.yaml'].replace('../data/', '../corpora/help centre/'),
      });
    });

    it('quotes a path that YAML would not read back as itself', () => {
      const after = renamed(workspace, [{ from: 'models/embedder.modelcard.yaml', to: 'models/#1: embedder.modelcard.yaml' }]);
      assert.deepEqual(Object.keys(after), ['assistant.systemcard.yaml']);
      assert.match(after['assistant.systemcard.yaml'], /\n {4}card: 'models\/#1: embedder\.modelcard\.yaml'\n/);
    });
  });
});
