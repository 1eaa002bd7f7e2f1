import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeDatasheet, datasheetUri } from '../../helpers/kindDocuments';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withoutUses = completeDatasheet.replace('uses:\n  out_of_scope: Identifying people\n', '');

describe('MC100 missing-datasheet-section', () => {
  it('reports a missing section on the first key, with an insert-key fix for it', () => {
    const diagnostic = onlyDiagnostic(withoutUses, 'MC100', {}, datasheetUri);
    assert.deepEqual(diagnostic.range, range(0, 0, 0, 4));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, 'The datasheet has no `uses`: say what the dataset is for, what it must not be used for, and the risks of using it.');
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['uses'] });
  });

  it('reports each of the seven sections of Gebru et al. that is missing, in their order', () => {
    const found = diagnosticsWithCode('name: faces\nlicense: mit\n', 'MC100', {}, datasheetUri);
    assert.deepEqual(
      found.map((diagnostic) => (diagnostic.data as { path: string[] }).path[0]),
      ['motivation', 'composition', 'collection_process', 'preprocessing', 'uses', 'distribution', 'maintenance'],
    );
    assert.ok(found.every((diagnostic) => diagnostic.range.start.line === 0));
  });

  it('accepts sections with any content, placeholders too (the placeholder rule reports those)', () => {
    assert.deepEqual(diagnosticsWithCode(completeDatasheet, 'MC100', {}, datasheetUri), []);
    const placeholder = completeDatasheet.replace('uses:\n  out_of_scope: Identifying people\n', 'uses:\n  out_of_scope: TODO\n');
    assert.deepEqual(diagnosticsWithCode(placeholder, 'MC100', {}, datasheetUri), []);
  });

  it('is a datasheet rule only: a model card is not asked for datasheet sections', () => {
    assert.deepEqual(diagnosticsWithCode('name: faces\n', 'MC100'), []);
  });

  sharedRuleTests({ code: 'MC100', name: 'missing-datasheet-section', defaultSeverity: DiagnosticSeverity.Warning }, withoutUses, datasheetUri);
});
