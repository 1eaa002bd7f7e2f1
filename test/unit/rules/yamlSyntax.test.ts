import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnose, diagnosticsWithCode, range } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC040 yaml-syntax', () => {
  it('reports the parser’s error where it is, and the other rules still run on what parsed', () => {
    const text = 'name: x\nlicence: mit\n  bad: indent\nversion: 1.10\n';
    const syntax = diagnosticsWithCode(text, 'MC040');
    assert.ok(syntax.length > 0);
    assert.deepEqual(syntax[0].range, range(1, 9, 1, 10));
    assert.equal(syntax[0].severity, DiagnosticSeverity.Error);
    assert.equal(syntax[0].message, 'Nested mappings are not allowed in compact mappings');
    const codes = diagnose(text).map((d) => d.code);
    assert.ok(codes.includes('MC010'), 'unknown key `licence` still reported');
    assert.ok(codes.includes('MC044'), 'version 1.10 still reported');
  });

  it('reports an unclosed flow list, and still checks the keys after it', () => {
    const text = 'name: x\nsummary: [a\nlicense: fooo\n';
    assert.deepEqual(onlyDiagnostic(text, 'MC040').range, range(2, 0, 2, 1));
    assert.equal(onlyDiagnostic(text, 'MC012').message, '`fooo` is not a known licence id (Hugging Face or SPDX).');
  });

  it('says an empty file is empty, at its start', () => {
    for (const text of ['', '\n\n', '# only a comment\n']) {
      const diagnostic = onlyDiagnostic(text, 'MC040');
      assert.deepEqual(diagnostic.range, range(0, 0, 0, 0));
      assert.equal(diagnostic.message, 'This model card is empty: start with `name:` and the name of the model.');
    }
  });

  it('says a list or a single value is not a card, on its first line', () => {
    const diagnostic = onlyDiagnostic('- name: x\n- name: y\n', 'MC040');
    assert.deepEqual(diagnostic.range, range(0, 0, 0, 9));
    assert.match(diagnostic.message, /^A model card is a mapping of keys such as "name: \.\.\."/);
    assert.deepEqual(diagnose('just text\n').map((d) => d.code), ['MC040']);
  });

  it('reports a second YAML document on its --- marker', () => {
    const diagnostic = onlyDiagnostic(`${completeCard}---\nname: other\n`, 'MC040');
    assert.deepEqual(diagnostic.range, range(13, 0, 13, 3));
    assert.match(diagnostic.message, /^A card file holds one card; this second YAML document is ignored\./);
  });

  it('accepts a leading document marker and a complete card', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC040'), []);
    assert.deepEqual(diagnosticsWithCode(`---\n${completeCard}`, 'MC040'), []);
  });

  it('refuses alias bombs without expanding them', () => {
    const bomb = ['name: x', 'x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
      .concat(['b', 'c', 'd', 'e', 'f', 'g'].map((name, index) => `x-${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(97 + index)}`).join(', ')}]`))
      .join('\n');
    const diagnostic = onlyDiagnostic(`${bomb}\n`, 'MC040');
    assert.match(diagnostic.message, /^The card's aliases expand too far/);
  });

  sharedRuleTests({ code: 'MC040', name: 'yaml-syntax', defaultSeverity: DiagnosticSeverity.Error }, `${completeCard}summary: [a\n`);
});
