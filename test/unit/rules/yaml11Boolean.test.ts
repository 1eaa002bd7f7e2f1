import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC043 yaml11-boolean', () => {
  it('underlines an unquoted no and offers to quote it', () => {
    const diagnostic = onlyDiagnostic('name: x\nlanguage: no # Norwegian\n', 'MC043');
    assert.deepEqual(diagnostic.range, range(1, 10, 1, 12));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, "Unquoted `no` is read as a boolean by YAML 1.1 tools such as the Hugging Face Hub. Quote it: 'no'.");
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: "Quote as 'no'", newText: "'no'", safe: true });
  });

  it('finds yes/no/on/off in any of their spellings, as values, list items and keys', () => {
    const text = 'name: x\nlanguage: [NO, On]\nx-flags:\n  yes: 1\n  toggles: [Off, OFF, YES]\n';
    const diagnostics = diagnosticsWithCode(text, 'MC043');
    assert.deepEqual(diagnostics.map((d) => textAt(text, d.range)), ['NO', 'On', 'yes', 'Off', 'OFF', 'YES']);
    assert.deepEqual(diagnostics[2].data, { kind: 'replace', title: "Quote as 'yes'", newText: "'yes'", safe: true });
  });

  it('says that only some YAML 1.1 tools read y and n as booleans', () => {
    const diagnostic = onlyDiagnostic('name: x\nx-answer: y\n', 'MC043');
    assert.equal(diagnostic.message, "Unquoted `y` is read as a boolean by some YAML 1.1 tools. Quote it: 'y'.");
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: "Quote as 'y'", newText: "'y'", safe: true });
  });

  it('leaves quoted values, true/false, and words that only contain yes or no alone', () => {
    const text = `${completeCard}language: ['no', "on"]\nx-flags: {enabled: true, answer: nope, mode: online}\n`;
    assert.deepEqual(diagnosticsWithCode(text, 'MC043'), []);
  });

  it('does not look inside longer text or block scalars', () => {
    assert.deepEqual(diagnosticsWithCode('name: x\nsummary: |\n  no\n', 'MC043'), []);
  });

  sharedRuleTests({ code: 'MC043', name: 'yaml11-boolean', defaultSeverity: DiagnosticSeverity.Warning }, `${completeCard}language: no\n`);
});
