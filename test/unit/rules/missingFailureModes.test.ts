import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeSystemCard, systemCardUri } from '../../helpers/kindDocuments';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withoutFailureModes = completeSystemCard.replace(/failure_modes:\n(  .*\n)+/, '');

describe('MC114 missing-failure-modes', () => {
  it('reports a system card without failure modes on its first key, with an insert-key fix', () => {
    const diagnostic = onlyDiagnostic(withoutFailureModes, 'MC114', {}, systemCardUri);
    assert.deepEqual(diagnostic.range, range(0, 0, 0, 4));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(
      diagnostic.message,
      'The system card lists no `failure_modes`: say how the composition can fail (retrieval misses, prompt injection through retrieved text, errors cascading from one component to the next) and what mitigates each.',
    );
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['failure_modes'] });
  });

  it('accepts failure modes, and is a system card rule only', () => {
    assert.deepEqual(diagnosticsWithCode(completeSystemCard, 'MC114', {}, systemCardUri), []);
    assert.deepEqual(diagnosticsWithCode(withoutFailureModes, 'MC114'), []);
  });

  sharedRuleTests({ code: 'MC114', name: 'missing-failure-modes', defaultSeverity: DiagnosticSeverity.Warning }, withoutFailureModes, systemCardUri);
});
