import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC013 missing-required-field', () => {
  it('reports a card without a name on its first key, with the field’s description and an insert-key fix', () => {
    const diagnostic = onlyDiagnostic('summary: Detects smiles\n', 'MC013');
    assert.deepEqual(diagnostic.range, range(0, 0, 0, 7));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, "Missing `name` in the card. The model's name, as people will refer to it.");
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['name'] });
  });

  it('with license: other, asks for license_name and license_link on the license key', () => {
    const diagnostics = diagnosticsWithCode('name: x\nlicense: other\n', 'MC013');
    assert.deepEqual(
      diagnostics.map((d) => [d.range, d.data]),
      [
        [range(1, 0, 1, 7), { kind: 'insertKey', path: ['license_name'] }],
        [range(1, 0, 1, 7), { kind: 'insertKey', path: ['license_link'] }],
      ],
    );
    assert.match(String(diagnostics[0].message), /^Missing `license_name` in the card, required with `license: other`\. /);
    assert.match(String(diagnostics[1].message), /^Missing `license_link` in the card, required with `license: other`\. /);
  });

  it('with license: other and both keys, or any other licence, requires nothing more', () => {
    assert.deepEqual(diagnosticsWithCode('name: x\nlicense: other\nlicense_name: ACME\nlicense_link: LICENSE\n', 'MC013'), []);
    assert.deepEqual(diagnosticsWithCode('name: x\nlicense: mit\n', 'MC013'), []);
  });

  it('reports a key missing in a list item on the item’s first key', () => {
    const text = 'name: x\nmetrics:\n  - name: f1 # no value yet\n';
    const diagnostic = onlyDiagnostic(text, 'MC013');
    assert.deepEqual(diagnostic.range, range(2, 4, 2, 8));
    assert.equal(diagnostic.message, 'Missing `value` in `metrics[0]`. The measured value.');
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['metrics', 0, 'value'] });
  });

  it('reports an empty flow mapping in a list on the mapping itself', () => {
    const diagnostic = onlyDiagnostic('name: x\nowners:\n  - Ana\n  - {}\n', 'MC013');
    assert.deepEqual(diagnostic.range, range(3, 4, 3, 6));
    assert.match(diagnostic.message, /^Missing `name` in `owners\[1\]`\./);
  });

  it('reports each required key of a review', () => {
    const text = 'name: x\ngovernance:\n  reviews:\n    - role: Ethics\n';
    assert.deepEqual(
      diagnosticsWithCode(text, 'MC013').map((d) => [d.range, (d.data as { path: unknown }).path]),
      [
        [range(3, 6, 3, 10), ['governance', 'reviews', 0, 'reviewer']],
        [range(3, 6, 3, 10), ['governance', 'reviews', 0, 'decision']],
      ],
    );
  });

  it('accepts a complete card', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC013'), []);
  });

  sharedRuleTests({ code: 'MC013', name: 'missing-required-field', defaultSeverity: DiagnosticSeverity.Error }, 'summary: Detects smiles\n');
});
