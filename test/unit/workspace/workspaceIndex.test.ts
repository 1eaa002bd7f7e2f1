import assert from 'node:assert/strict';
import { relativeLink, resolveLink, uriKey } from '../../../server/src/service/workspace/linkTargets';
import { ragWorkspace } from '../../helpers/ragWorkspace';
import { InMemoryWorkspace } from '../../helpers/workspaces';

describe('workspace index', () => {
  it("keeps each document's kind, summary, links and a system's components", () => {
    const workspace = new InMemoryWorkspace(ragWorkspace());
    assert.equal(workspace.index.size, 5);
    const system = workspace.index.get(workspace.uri('assistant.systemcard.yaml'))!;
    assert.deepEqual(system.summary, { kind: 'systemCard', name: 'Support assistant', status: 'draft', errors: 0, warnings: 0 });
    assert.deepEqual(system.components, [
      { id: 'embedder', kind: 'model', uri: workspace.uri('models/embedder.modelcard.yaml') },
      { id: 'reranker', kind: 'model', uri: workspace.uri('models/reranker.modelcard.yaml') },
      { id: 'generator', kind: 'model', uri: workspace.uri('models/generator.modelcard.yaml') },
      { id: 'index', kind: 'index', uri: workspace.uri('data/support-articles.datasheet.yaml') },
      { id: 'gateway', kind: 'service' },
    ]);
    assert.deepEqual(workspace.index.get(workspace.uri('models/reranker.modelcard.yaml'))?.summary.status, 'in_review');
  });

  it('re-reads one document at a time: its old links are forgotten, its new ones followed', () => {
    const files = ragWorkspace();
    const workspace = new InMemoryWorkspace(files);
    const linkers = (path: string) => workspace.index.linkedFrom(workspace.uri(path)).map((entry) => entry.uri);
    assert.deepEqual(linkers('models/reranker.modelcard.yaml'), [workspace.uri('assistant.systemcard.yaml')]);
    workspace.write('assistant.systemcard.yaml', files['assistant.systemcard.yaml'].replace('models/reranker.modelcard.yaml', 'models/ranker.modelcard.yaml'));
    assert.deepEqual(linkers('models/reranker.modelcard.yaml'), []);
    assert.deepEqual(linkers('models/ranker.modelcard.yaml'), [workspace.uri('assistant.systemcard.yaml')]);
    workspace.delete('assistant.systemcard.yaml');
    assert.deepEqual(linkers('models/ranker.modelcard.yaml'), []);
    assert.deepEqual(linkers('data/support-articles.datasheet.yaml'), [workspace.uri('models/generator.modelcard.yaml')]);
    assert.equal(workspace.index.size, 4);
  });
});

describe('link targets', () => {
  it('resolves relative paths against the linking document, leaving URLs of other schemes', () => {
    const from = 'file:///work/rag/systems/assistant.systemcard.yaml';
    assert.equal(resolveLink(from, '../models/a b.modelcard.yaml'), 'file:///work/rag/models/a%20b.modelcard.yaml');
    assert.equal(resolveLink(from, 'models\\x.modelcard.yaml'), 'file:///work/rag/systems/models/x.modelcard.yaml');
    assert.equal(resolveLink(from, 'v#2.modelcard.yaml'), 'file:///work/rag/systems/v%232.modelcard.yaml');
    assert.equal(resolveLink(from, 'https://huggingface.co/org/model'), undefined);
    assert.equal(resolveLink(from, '  '), undefined);
    assert.equal(resolveLink('untitled:Untitled-1', 'a.modelcard.yaml'), undefined);
  });

  it('gives one key to the spellings of one file, and relative paths between files', () => {
    assert.equal(uriKey('file:///c%3A/work/a%20b.modelcard.yaml'), uriKey('file:///C:/work/a b.modelcard.yaml'));
    assert.equal(relativeLink('file:///w/systems/s.systemcard.yaml', 'file:///w/models/m.modelcard.yaml'), '../models/m.modelcard.yaml');
    assert.equal(relativeLink('file:///w/s.systemcard.yaml', 'file:///w/a/b/m.modelcard.yaml'), 'a/b/m.modelcard.yaml');
    assert.equal(relativeLink('file:///w/s.systemcard.yaml', 'untitled:x'), undefined);
  });
});
