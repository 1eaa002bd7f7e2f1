import assert from 'node:assert/strict';
import { childNodes, displayName, findingCounts, kindNodes, type CatalogueNode } from '../../../client/src/catalogue/catalogueTree';
import type { Catalogue } from '../../../server/src/protocol';

const catalogue: Catalogue = {
  kinds: [
    { id: 'modelCard', label: 'Model card' },
    { id: 'datasheet', label: 'Datasheet' },
    { id: 'systemCard', label: 'System card' },
  ],
  documents: [
    { uri: 'file:///w/a.modelcard.yaml', kind: 'modelCard', name: 'Ranker', status: 'approved', errors: 0, warnings: 2 },
    { uri: 'file:///w/b.modelcard.yaml', kind: 'modelCard', name: 'Embedder', status: 'approved', owner: 'Ana', errors: 1, warnings: 1 },
    { uri: 'file:///w/c%20d.modelcard.yaml', kind: 'modelCard', status: 'draft', errors: 0, warnings: 0 },
    { uri: 'file:///w/s.systemcard.yaml', kind: 'systemCard', name: 'RAG', errors: 0, warnings: 0, components: [{ id: 'llm', kind: 'model', uri: 'file:///w/a.modelcard.yaml' }, { id: 'gateway' }] },
  ],
};

/** The tree as indented lines of labels. */
function outline(nodes: CatalogueNode[], depth = 0): string[] {
  return nodes.flatMap((node) => {
    const label =
      node.type === 'kind' ? node.label : node.type === 'status' ? (node.status ?? 'no status') : node.type === 'document' ? displayName(node.document) : node.component.id;
    return [`${'  '.repeat(depth)}${label}`, ...outline(childNodes(node), depth + 1)];
  });
}

describe('the catalogue tree', () => {
  it('groups documents by kind (the kinds that have some) and by status in workflow order, sorted by name, with a system’s components', () => {
    assert.deepEqual(outline(kindNodes(catalogue)), [
      'Model card',
      '  draft',
      '    c d.modelcard.yaml',
      '  approved',
      '    Embedder',
      '    Ranker',
      'System card',
      '  no status',
      '    RAG',
      '      llm',
      '      gateway',
    ]);
  });

  it('says how many errors and warnings a document has', () => {
    assert.deepEqual(catalogue.documents.map(findingCounts), ['2 warnings', '1 error, 1 warning', '', '']);
  });
});
