import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnose, diagnosticsWithCode, range } from '../../helpers/cards';
import { completeCard, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC042 tab-indentation', () => {
  it('underlines each tab used to indent, and says to use spaces', () => {
    const diagnostics = diagnosticsWithCode('name: x\nlimitations:\n\t- Fails at night\n\t- Fails on cats\n', 'MC042');
    assert.deepEqual(diagnostics.map((d) => d.range), [range(2, 0, 2, 1), range(3, 0, 3, 1)]);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.equal(diagnostics[0].message, 'Tab in indentation: YAML allows only spaces there. Indent with spaces.');
  });

  it('reports a tab-indented key once, as a tab, and still checks the rest of the card', () => {
    const text = 'name: x\nintended_use:\n\tprimary_uses: Sorting\nlicence: mit\n';
    assert.deepEqual(diagnosticsWithCode(text, 'MC042').map((d) => d.range), [range(2, 0, 2, 1)]);
    assert.ok(diagnose(text).some((d) => d.code === 'MC010' && d.range.start.line === 3));
  });

  it('accepts tabs after a key, inside values and in comments', () => {
    assert.deepEqual(diagnosticsWithCode('name:\tx\nsummary: a\tb\t# note\n', 'MC042'), []);
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC042'), []);
  });

  sharedRuleTests(
    { code: 'MC042', name: 'tab-indentation', defaultSeverity: DiagnosticSeverity.Error },
    `${completeCard}caveats_and_recommendations:\n\t- Check the lighting\n`,
  );
});
