import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnose, range, seedSample } from '../helpers/cards';

describe('the seed sample', () => {
  it('is a valid card: no errors, and no missing-limitations or missing-metrics findings', () => {
    const diagnostics = diagnose(seedSample);
    assert.deepEqual(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error), []);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'MC001' || d.code === 'MC002'), []);
  });

  it('without its limitations gets MC001 on its first key', () => {
    const diagnostics = diagnose(seedSample.replace('limitations: May misclassify rare images\n', ''));
    const missing = diagnostics.filter((d) => d.code === 'MC001');
    assert.equal(missing.length, 1);
    assert.deepEqual(missing[0].range, range(0, 0, 0, 4));
    assert.equal(missing[0].severity, DiagnosticSeverity.Error);
    assert.deepEqual(missing[0].data, { kind: 'insertKey', path: ['limitations'] });
  });

  it('without its metrics gets MC002 on its first key', () => {
    const diagnostics = diagnose(seedSample.replace('metrics:\n  accuracy: 0.92\n', ''));
    const missing = diagnostics.filter((d) => d.code === 'MC002');
    assert.equal(missing.length, 1);
    assert.deepEqual(missing[0].range, range(0, 0, 0, 4));
  });
});
