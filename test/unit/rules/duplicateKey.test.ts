import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC041 duplicate-key', () => {
  it('underlines the repeated key and names the line of the first one', () => {
    const diagnostic = onlyDiagnostic('name: x\nsummary: a\nname: y\n', 'MC041');
    assert.deepEqual(diagnostic.range, range(2, 0, 2, 4));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, 'Duplicate key `name`, first given on line 1: YAML tools disagree on which value wins. Keep one.');
  });

  it('names the section of a nested duplicate, with comments around the keys', () => {
    const text = 'name: x\ngovernance:\n  status: draft # first\n  # then, later:\n  status: approved\n';
    const diagnostic = onlyDiagnostic(text, 'MC041');
    assert.deepEqual(diagnostic.range, range(4, 2, 4, 8));
    assert.equal(diagnostic.message, 'Duplicate key `status` in `governance`, first given on line 3: YAML tools disagree on which value wins. Keep one.');
  });

  it('finds duplicates in flow mappings and list items, and counts a quoted key as the same key', () => {
    const text = 'name: x\nowners:\n  - {name: Ana, name: Bo}\n"summary": a\nsummary: b\n';
    const diagnostics = diagnosticsWithCode(text, 'MC041');
    assert.deepEqual(diagnostics.map((d) => textAt(text, d.range)), ['name', 'summary']);
    assert.match(String(diagnostics[0].message), /^Duplicate key `name` in `owners\[0\]`, first given on line 3:/);
  });

  it('reports each further repetition', () => {
    assert.equal(diagnosticsWithCode('name: a\nname: b\nname: c\n', 'MC041').length, 2);
  });

  it('accepts the same key in different mappings', () => {
    const text = 'name: x\nowners:\n  - name: Ana\n  - name: Bo\nevaluation_data:\n  - name: test\n';
    assert.deepEqual(diagnosticsWithCode(text, 'MC041'), []);
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC041'), []);
  });

  sharedRuleTests({ code: 'MC041', name: 'duplicate-key', defaultSeverity: DiagnosticSeverity.Error }, `${completeCard}name: again\n`);
});
