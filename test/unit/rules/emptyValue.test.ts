import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC031 empty-value', () => {
  it('underlines an empty quoted string', () => {
    const diagnostic = onlyDiagnostic("name: x\nsummary: ''\n", 'MC031');
    assert.deepEqual(diagnostic.range, range(1, 9, 1, 11));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, '`summary` is empty: write it, or remove the key.');
    assert.equal(diagnostic.data, undefined);
  });

  it('counts blank text as empty, and names list items and nested keys', () => {
    const text = 'name: x\ndescription: "   "\ntags: [vision, ""]\nintended_use: {primary_uses: \'\'}\n';
    const diagnostics = diagnosticsWithCode(text, 'MC031');
    assert.deepEqual(
      diagnostics.map((d) => [textAt(text, d.range), d.message]),
      [
        ['"   "', '`description` is empty: write it, or remove the key.'],
        ['""', '`tags[1]` is empty: write it, or remove the key.'],
        ["''", '`intended_use.primary_uses` is empty: write it, or remove the key.'],
      ],
    );
  });

  it('underlines the indicator of an empty block scalar', () => {
    const text = 'name: x\ndescription: |\nsummary: >-\n\nlicense: mit\n';
    assert.deepEqual(diagnosticsWithCode(text, 'MC031').map((d) => textAt(text, d.range)), ['|', '>-']);
  });

  it('reports an empty name once (the schema’s minimum length is not reported again)', () => {
    assert.equal(diagnosticsWithCode("name: ''\n", 'MC031').length, 1);
    assert.deepEqual(diagnosticsWithCode("name: ''\n", 'MC014'), []);
  });

  it('leaves keys without a value to wrong-type, and accepts written values', () => {
    assert.deepEqual(diagnosticsWithCode('name: x\nsummary:\n', 'MC031'), []);
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC031'), []);
  });

  sharedRuleTests({ code: 'MC031', name: 'empty-value', defaultSeverity: DiagnosticSeverity.Warning }, `${completeCard}summary: ''\n`);
});
