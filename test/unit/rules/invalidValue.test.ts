import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC012 invalid-value', () => {
  it('underlines a misspelt status and offers the closest valid value', () => {
    const text = 'name: x\ngovernance:\n  status: aproved\n';
    const diagnostic = onlyDiagnostic(text, 'MC012');
    assert.deepEqual(diagnostic.range, range(2, 10, 2, 17));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, '`aproved` is not one of draft, in_review, approved, published, archived. Did you mean `approved`?');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Change to `approved`', newText: 'approved', safe: true });
  });

  it('matches regardless of case: risk_rating High → high', () => {
    const diagnostic = onlyDiagnostic('name: x\ngovernance:\n  risk_rating: High\n', 'MC012');
    assert.deepEqual(diagnostic.range, range(2, 15, 2, 19));
    assert.equal(diagnostic.message, '`High` is not one of high, medium, low, unknown. Did you mean `high`?');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Change to `high`', newText: 'high', safe: true });
  });

  it('names the vocabulary of a licence and suggests its id: Apache 2.0 → apache-2.0', () => {
    const text = 'name: x\nlicense: Apache 2.0\n';
    const diagnostic = onlyDiagnostic(text, 'MC012');
    assert.equal(textAt(text, diagnostic.range), 'Apache 2.0');
    assert.equal(diagnostic.message, '`Apache 2.0` is not a known licence id (Hugging Face or SPDX). Did you mean `apache-2.0`?');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Change to `apache-2.0`', newText: 'apache-2.0', safe: true });
  });

  it('gives no fix when nothing is close', () => {
    const diagnostic = onlyDiagnostic('name: x\ntask: picture-sorting\n', 'MC012');
    assert.equal(diagnostic.message, '`picture-sorting` is not a Hugging Face pipeline tag.');
    assert.equal(diagnostic.data, undefined);
  });

  it('turns a Hugging Face task subtype into the pipeline tag it belongs to', () => {
    const diagnostic = onlyDiagnostic('name: x\ntask: sentiment-analysis\n', 'MC012');
    assert.equal(diagnostic.message, '`sentiment-analysis` is not a Hugging Face pipeline tag. It is a kind of `text-classification`: use that tag.');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Change to `text-classification`', newText: 'text-classification', safe: true });
  });

  it('checks each item of a list, in flow style, and values inside list items', () => {
    const text = 'name: x\nlanguage: [en, english]\ngovernance:\n  reviews:\n    - {reviewer: Ana, decision: aproved}\n';
    const diagnostics = diagnosticsWithCode(text, 'MC012');
    assert.deepEqual(diagnostics.map((d) => textAt(text, d.range)), ['english', 'aproved']);
    assert.equal(diagnostics[1].message, '`aproved` is not one of approved, changes_requested, rejected. Did you mean `approved`?');
  });

  it('accepts valid values: licence ids, pipeline tags, ISO 639 codes, statuses', () => {
    const text = `${completeCard}license: apache-2.0\ntask: image-classification\nlanguage: [en, "no"]\ngovernance:\n  status: draft\n  risk_rating: low\n`;
    assert.deepEqual(diagnosticsWithCode(text, 'MC012'), []);
  });

  it('gives the same range with a comment after the value', () => {
    const diagnostic = onlyDiagnostic('name: x\ngovernance:\n  status: aproved # for now\n', 'MC012');
    assert.deepEqual(diagnostic.range, range(2, 10, 2, 17));
  });

  sharedRuleTests(
    { code: 'MC012', name: 'invalid-value', defaultSeverity: DiagnosticSeverity.Error },
    `${completeCard}governance:\n  status: aproved\n`,
  );
});
