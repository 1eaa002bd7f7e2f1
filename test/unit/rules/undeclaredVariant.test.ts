import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, textAt, withFix } from '../../helpers/cards';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

/** Results of two Whisper sizes, the second naming `model: ${model}`. */
const perVariant = (model: string, variants = '  - {name: tiny, parameters: 39M}\n  - {name: large-v2, parameters: 1550M}\n'): string => `name: Whisper
variants:
${variants}evaluation_data:
  - name: librispeech
metrics:
  - {name: wer, value: 0.076, dataset: librispeech, model: tiny}
  - {name: wer, value: 0.027, dataset: librispeech, model: ${model}}
`;

describe('MC026 undeclared-variant', () => {
  it('underlines a result for a variant the card does not describe, and offers the closest one', () => {
    const text = perVariant('large-v3');
    const diagnostic = onlyDiagnostic(text, 'MC026');
    assert.equal(textAt(text, diagnostic.range), 'large-v3');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, 'Model variant `large-v3` is not described under `variants`. Did you mean `large-v2`?');
    assert.equal(withFix(text, diagnostic), perVariant('large-v2'));
  });

  it('asks for `variants` when there are none', () => {
    const text = perVariant('large', '  - {name: tiny}\n').replace('variants:\n  - {name: tiny}\n', '');
    const messages = diagnosticsWithCode(text, 'MC026').map((diagnostic) => diagnostic.message);
    assert.deepEqual(messages, [
      'Model variant `tiny` is not described under `variants`: add it there with its size and what sets it apart.',
      'Model variant `large` is not described under `variants`: add it there with its size and what sets it apart.',
    ]);
  });

  it('accepts results for described variants, and results that name none', () => {
    assert.deepEqual(diagnosticsWithCode(perVariant('large-v2'), 'MC026'), []);
    assert.deepEqual(diagnosticsWithCode(perVariant('large-v2').replace(', model: tiny', ''), 'MC026'), []);
  });

  sharedRuleTests({ code: 'MC026', name: 'undeclared-variant', defaultSeverity: DiagnosticSeverity.Warning }, perVariant('huge'));
});
