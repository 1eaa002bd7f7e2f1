import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC044 version-as-number', () => {
  it('underlines version 1.10, says YAML reads 1.1, and offers to quote it', () => {
    const diagnostic = onlyDiagnostic('name: x\nversion: 1.10 # the October release\n', 'MC044');
    assert.deepEqual(diagnostic.range, range(1, 9, 1, 13));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, "YAML reads version 1.10 as the number 1.1. Quote it to keep it as written: '1.10'.");
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: "Quote as '1.10'", newText: "'1.10'", safe: true });
  });

  it('reports version 1.0, which YAML reads as 1', () => {
    assert.equal(
      onlyDiagnostic('name: x\nversion: 1.0\n', 'MC044').message,
      "YAML reads version 1.0 as the number 1. Quote it to keep it as written: '1.0'.",
    );
  });

  it('reports a changelog version 2.5, and custom *_version keys', () => {
    const text = 'name: x\ngovernance:\n  changelog:\n    - {version: 2.5, changes: Retrained}\nx-data_version: 3.20\n';
    const diagnostics = diagnosticsWithCode(text, 'MC044');
    assert.deepEqual(diagnostics.map((d) => textAt(text, d.range)), ['2.5', '3.20']);
    assert.equal(diagnostics[0].message, "YAML reads version 2.5 as a number. Quote it to keep it as written: '2.5'.");
  });

  it('leaves whole numbers, quoted versions, and schema_version (a number by design) alone', () => {
    const text = `schema_version: 1\n${completeCard}governance:\n  changelog:\n    - {version: 2, changes: Retrained}\n`;
    assert.deepEqual(diagnosticsWithCode(text, 'MC044'), []);
    assert.deepEqual(diagnosticsWithCode('schema_version: 1.0\nname: x\nversion: "1.10"\n', 'MC044'), []);
  });

  it('does not look at keys that only contain the word version', () => {
    assert.deepEqual(diagnosticsWithCode('name: x\nx-versions: 1.5\nx-versioning: 2.0\n', 'MC044'), []);
  });

  sharedRuleTests({ code: 'MC044', name: 'version-as-number', defaultSeverity: DiagnosticSeverity.Warning }, completeCard.replace("version: '1.0'", 'version: 1.10'));
});
