import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC010 unknown-key', () => {
  it('underlines a misspelt top-level key and suggests the closest known key as a rename', () => {
    const text = `${completeCard}limitaions: Fails at night\n`;
    const diagnostic = onlyDiagnostic(text, 'MC010');
    assert.deepEqual(diagnostic.range, range(13, 0, 13, 10));
    assert.equal(textAt(text, diagnostic.range), 'limitaions');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, 'Unknown key `limitaions` in the card. Did you mean `limitations`?');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Rename to `limitations`', newText: 'limitations', safe: true });
  });

  it('ignores case, hyphens and underscores when suggesting: Intended-Use → intended_use', () => {
    const diagnostic = onlyDiagnostic('name: x\nIntended-Use:\n  primary_uses: Sorting\n', 'MC010');
    assert.deepEqual(diagnostic.range, range(1, 0, 1, 12));
    assert.equal(diagnostic.message, 'Unknown key `Intended-Use` in the card. Did you mean `intended_use`?');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Rename to `intended_use`', newText: 'intended_use', safe: true });
  });

  it('names the section of a nested unknown key, and suggests among that section’s keys', () => {
    const text = 'name: x\ngovernance:\n  # who signed off\n  reviws: [] # typo\n';
    const diagnostic = onlyDiagnostic(text, 'MC010');
    assert.deepEqual(diagnostic.range, range(3, 2, 3, 8));
    assert.equal(diagnostic.message, 'Unknown key `reviws` in `governance`. Did you mean `reviews`?');
  });

  it('names list items by index, in flow style', () => {
    const text = 'name: x\nowners:\n  - {name: Ana, rol: lead}\n';
    const diagnostic = onlyDiagnostic(text, 'MC010');
    assert.deepEqual(diagnostic.range, range(2, 16, 2, 19));
    assert.equal(diagnostic.message, 'Unknown key `rol` in `owners[0]`. Did you mean `role`?');
  });

  it('lists the known keys when nothing is close, with no fix', () => {
    const diagnostic = onlyDiagnostic('name: x\nintended_use:\n  audience: everyone\n', 'MC010');
    assert.equal(
      diagnostic.message,
      'Unknown key `audience` in `intended_use`. Expected one of: primary_uses, primary_users, out_of_scope, secondary_uses, benefits. Custom keys start with `x-`.',
    );
    assert.equal(diagnostic.data, undefined);
  });

  it('accepts custom x- keys anywhere, and every key of a complete card', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC010'), []);
    const custom = `${completeCard}x-team: vision\ngovernance:\n  x-ticket: ML-42\n  status: draft\n`;
    assert.deepEqual(diagnosticsWithCode(custom, 'MC010'), []);
  });

  it('reports a metric result’s unknown key, but not the metric names of the short form', () => {
    assert.deepEqual(diagnosticsWithCode('name: x\nmetrics:\n  my_custom_score: 3\n', 'MC010'), []);
    const diagnostic = onlyDiagnostic('name: x\nmetrics:\n  - name: f1\n    value: 0.9\n    datset: test\n', 'MC010');
    assert.equal(diagnostic.message, 'Unknown key `datset` in `metrics[0]`. Did you mean `dataset`?');
    assert.deepEqual(diagnostic.range, range(4, 4, 4, 10));
  });

  sharedRuleTests({ code: 'MC010', name: 'unknown-key', defaultSeverity: DiagnosticSeverity.Error }, `${completeCard}licence: mit\n`);
});

describe('MC010 on a huge key', () => {
  it('quotes at most 60 characters of it', () => {
    const key = 'k'.repeat(100_000);
    const [diagnostic] = diagnosticsWithCode(`name: x\n${key}: 1\n`, 'MC010');
    assert.equal(diagnostic.message, `Unknown key \`${'k'.repeat(59)}…\` in the card. Expected one of: ${String(diagnostic.message).split('Expected one of: ')[1]}`);
    assert.ok(diagnostic.message.length < 1000);
  });
});
