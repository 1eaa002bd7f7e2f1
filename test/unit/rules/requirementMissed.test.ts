import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeSystemCard, systemCardUri } from '../../helpers/kindDocuments';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const slow = completeSystemCard.replace('    measured: 640\n', '    measured: 910\n');

describe('MC113 requirement-missed', () => {
  it('underlines a latency measured above its target', () => {
    const diagnostic = onlyDiagnostic(slow, 'MC113', {}, systemCardUri);
    assert.deepEqual(diagnostic.range, range(25, 14, 25, 17));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, '`requirements.latency_p95` is measured at 910 ms, above its target of at most 800 ms: fix the system, or revise the target and say why.');
    assert.equal(diagnostic.data, undefined);
  });

  it('underlines an availability or a throughput measured below its target, numbers as written', () => {
    const text = completeSystemCard.replace('measured: 99.95', 'measured: 99.50').replace('requirements:\n', 'requirements:\n  throughput: {target: 50, measured: 42.0, unit: requests/s}\n');
    const found = diagnosticsWithCode(text, 'MC113', {}, systemCardUri);
    assert.deepEqual(found.map((diagnostic) => textAt(text, diagnostic.range)), ['42.0', '99.50']);
    assert.equal(found[0].message, '`requirements.throughput` is measured at 42.0 requests/s, below its target of at least 50 requests/s: fix the system, or revise the target and say why.');
    assert.equal(found[1].message, '`requirements.availability` is measured at 99.50 percent, below its target of at least 99.9 percent: fix the system, or revise the target and say why.');
  });

  it('checks a custom requirement that says which way is better, and skips one that does not', () => {
    const cost = (better: string) => completeSystemCard.replace('requirements:\n', `requirements:\n  x-cost_per_answer: {target: 0.01, measured: 0.02, unit: USD${better}}\n`);
    assert.equal(diagnosticsWithCode(cost(', higher_is_better: false'), 'MC113', {}, systemCardUri).length, 1);
    assert.deepEqual(diagnosticsWithCode(cost(''), 'MC113', {}, systemCardUri), []);
  });

  it('accepts values on target, and requirements not measured yet', () => {
    assert.deepEqual(diagnosticsWithCode(completeSystemCard, 'MC113', {}, systemCardUri), []);
    assert.deepEqual(diagnosticsWithCode(completeSystemCard.replace('measured: 640', 'measured: 800'), 'MC113', {}, systemCardUri), []);
    assert.deepEqual(diagnosticsWithCode(completeSystemCard.replace('    measured: 640\n', ''), 'MC113', {}, systemCardUri), []);
    assert.deepEqual(diagnosticsWithCode(completeSystemCard.replace('measured: 640', 'measured: TODO'), 'MC113', {}, systemCardUri), []);
  });

  sharedRuleTests({ code: 'MC113', name: 'requirement-missed', defaultSeverity: DiagnosticSeverity.Warning }, slow, systemCardUri);
});
