import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeSystemCard, systemCardUri } from '../../helpers/kindDocuments';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const twoRetrievers = completeSystemCard.replace('  - id: generator\n', '  - id: retriever\n');

describe('MC110 duplicate-component-id', () => {
  it('underlines the second component of an id, naming the line of the first', () => {
    const diagnostic = onlyDiagnostic(twoRetrievers, 'MC110', {}, systemCardUri);
    assert.deepEqual(diagnostic.range, range(9, 8, 9, 17));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(
      diagnostic.message,
      'Component id `retriever` is already given on line 7: edges and failure modes could not tell the two apart. Give each component its own id.',
    );
    assert.equal(diagnostic.data, undefined);
  });

  it('reports every repetition, in flow style too', () => {
    const text = completeSystemCard.replace(/components:\n(  .*\n)+/, 'components: [{id: a, kind: model}, {id: a, kind: tool}, {id: a, kind: prompt}, {id: b, kind: index}]\n');
    const found = diagnosticsWithCode(text, 'MC110', {}, systemCardUri);
    assert.deepEqual(found.map((diagnostic) => diagnostic.range), [range(3, 40, 3, 41), range(3, 61, 3, 62)]);
  });

  it('accepts distinct ids, and ids that differ only in case', () => {
    assert.deepEqual(diagnosticsWithCode(completeSystemCard, 'MC110', {}, systemCardUri), []);
    assert.deepEqual(diagnosticsWithCode(completeSystemCard.replace('  - id: generator\n', '  - id: Retriever\n'), 'MC110', {}, systemCardUri), []);
  });

  sharedRuleTests({ code: 'MC110', name: 'duplicate-component-id', defaultSeverity: DiagnosticSeverity.Error }, twoRetrievers, systemCardUri);
});
