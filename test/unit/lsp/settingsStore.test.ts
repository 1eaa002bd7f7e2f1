import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultSettings } from '../../../server/src/protocol';
import { mergeSettings } from '../../../server/src/lsp/settingsStore';
import { diagnosticsWithCode, seedSample } from '../../helpers/cards';

describe('settings from the client', () => {
  it('keep the rule overrides with a known severity, and the placeholder words that are text', () => {
    const merged = mergeSettings({
      rules: { MC001: 'off', 'missing-metrics': 'warning', MC003: 'fatal', MC004: 3, MC005: null },
      placeholders: ['XXX', 7, null],
      verify: { onSave: 'off' },
      huggingFace: { validateReadme: 'yes' },
    });
    assert.deepEqual(merged, { rules: { MC001: 'off', 'missing-metrics': 'warning' }, placeholders: ['XXX'], verify: { onSave: 'off' }, huggingFace: { validateReadme: false } });
    assert.deepEqual(mergeSettings({ huggingFace: { validateReadme: true } }).huggingFace, { validateReadme: true });
    assert.deepEqual(mergeSettings({ verify: { onSave: 'sometimes' } }).verify, { onSave: 'auto' });
  });

  it('fall back to the defaults when they are not a settings object at all', () => {
    for (const value of [undefined, null, 'text', 42, [], { rules: ['MC001'], placeholders: 'TODO' }]) {
      assert.deepEqual(mergeSettings(value), defaultSettings, JSON.stringify(value));
    }
  });

  it('leave a rule with a misspelt severity at its default severity, not at none', () => {
    const withoutLimitations = seedSample.replace('limitations: May misclassify rare images\n', '');
    const [missing] = diagnosticsWithCode(withoutLimitations, 'MC001', mergeSettings({ rules: { MC001: 'eror' } }));
    assert.equal(missing.severity, DiagnosticSeverity.Error);
  });
});
