import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeSystemCard, systemCardUri } from '../../helpers/kindDocuments';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

/** The complete card with the gateway made a model: its loop back then passes through no service. */
const modelLoop = completeSystemCard.replace('  - id: gateway\n    kind: service\n', '  - id: gateway\n    kind: model\n');

/** A system card with these components (`id: kind`) and edges (`from>to`). */
function systemCard(components: Record<string, string>, edges: string[]): string {
  const componentLines = Object.entries(components).map(([id, kind]) => `  - {id: ${id}, kind: ${kind}}\n`);
  const edgeLines = edges.map((edge) => `  - {from: ${edge.split('>')[0]}, to: ${edge.split('>')[1]}}\n`);
  return `name: s\ncomponents:\n${componentLines.join('')}data_flow:\n${edgeLines.join('')}failure_modes: [{name: x}]\n`;
}

describe('MC112 data-flow-cycle', () => {
  it('underlines the edge that closes a loop through no agent, service or human review, and names the loop', () => {
    const diagnostic = onlyDiagnostic(modelLoop, 'MC112', {}, systemCardUri);
    assert.deepEqual(diagnostic.range, range(20, 8, 20, 15));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(
      diagnostic.message,
      'The data flow loops: `gateway` → `retriever` → `generator` → `gateway`, through no agent, service or human review. Models, retrievers, indexes, prompts and tools pass data on: remove the edge back, or route the loop through the `agent` or `service` that takes the results back.',
    );
  });

  it('accepts loops through an agent, a service or human review', () => {
    assert.deepEqual(diagnosticsWithCode(completeSystemCard, 'MC112', {}, systemCardUri), []);
    for (const kind of ['agent', 'service', 'human_review']) {
      const text = systemCard({ planner: kind, search: 'tool', llm: 'model' }, ['planner>search', 'search>planner', 'planner>llm', 'llm>planner']);
      assert.deepEqual(diagnosticsWithCode(text, 'MC112', {}, systemCardUri), [], kind);
    }
  });

  it('finds a loop beside an agent loop, and a component feeding itself', () => {
    const text = systemCard({ agent: 'agent', tool: 'tool', a: 'model', b: 'retriever' }, ['agent>tool', 'tool>agent', 'agent>a', 'a>b', 'b>a']);
    assert.deepEqual(diagnosticsWithCode(text, 'MC112', {}, systemCardUri).map((diagnostic) => textAt(text, diagnostic.range)), ['a']);
    const self = systemCard({ a: 'model' }, ['a>a']);
    assert.match(onlyDiagnostic(self, 'MC112', {}, systemCardUri).message, /^The data flow loops: `a` → `a`,/);
  });

  it('reports one finding per group of components that loop together', () => {
    const text = systemCard({ a: 'model', b: 'model', c: 'model', d: 'index', e: 'prompt' }, ['a>b', 'b>c', 'c>a', 'b>a', 'd>e', 'e>d']);
    const found = diagnosticsWithCode(text, 'MC112', {}, systemCardUri);
    assert.deepEqual(found.map((diagnostic) => diagnostic.range.start.line), [11, 13]);
    assert.match(String(found[0].message), /`a` → `b` → `a`/);
  });

  it('leaves edges to unknown components to unknown-component', () => {
    const text = systemCard({ a: 'model' }, ['a>ghost', 'ghost>a']);
    assert.deepEqual(diagnosticsWithCode(text, 'MC112', {}, systemCardUri), []);
  });

  sharedRuleTests({ code: 'MC112', name: 'data-flow-cycle', defaultSeverity: DiagnosticSeverity.Error }, modelLoop, systemCardUri);
});
