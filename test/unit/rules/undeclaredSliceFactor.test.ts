import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

/** A card whose evaluation declares `age` (with its values) and `gender` (any value); slice on line 13. */
const withSlice = (slice: string): string => `name: x
factors:
  evaluation:
    - name: age
      values: [young, old]
    - gender
evaluation_data:
  - name: test
metrics:
  - name: f1
    value: 0.9
    dataset: test
    slice: ${slice}
`;

describe('MC024 undeclared-slice-factor', () => {
  it('checks the factors a fairness test compares results across, as text or as a list', () => {
    const text = withSlice('overall').replace('    slice: overall\n', '    across: gendr\n');
    const diagnostic = onlyDiagnostic(text, 'MC024');
    assert.equal(textAt(text, diagnostic.range), 'gendr');
    assert.equal(diagnostic.message, 'Factor `gendr` is not declared under `factors`. Did you mean `gender`?');
    const list = withSlice('overall').replace('    slice: overall\n', '    across: [age, skin_tone]\n');
    const listed = onlyDiagnostic(list, 'MC024');
    assert.equal(textAt(list, listed.range), 'skin_tone');
    assert.equal(listed.message, 'Factor `skin_tone` is not declared under `factors`. Add it to `factors.evaluation`.');
    assert.deepEqual(diagnosticsWithCode(withSlice('overall').replace('    slice: overall\n', '    across: [age, gender]\n'), 'MC024'), []);
  });

  it('underlines an undeclared factor of a mapping slice, suggests the declared one and offers a rename', () => {
    const text = withSlice('{age: young, gendr: female}');
    const diagnostic = onlyDiagnostic(text, 'MC024');
    assert.deepEqual(diagnostic.range, range(12, 24, 12, 29));
    assert.equal(textAt(text, diagnostic.range), 'gendr');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, 'Slice factor `gendr` is not declared under `factors`. Did you mean `gender`?');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Change to `gender`', newText: 'gender' });
  });

  it('underlines an undeclared value of a declared factor, and suggests the closest declared value', () => {
    const text = withSlice('{age: yung}');
    const diagnostic = onlyDiagnostic(text, 'MC024');
    assert.equal(textAt(text, diagnostic.range), 'yung');
    assert.equal(diagnostic.message, '`yung` is not a declared value of factor `age` (young, old). Did you mean `young`?');
    assert.deepEqual(diagnostic.data, { kind: 'replace', title: 'Change to `young`', newText: 'young' });
  });

  it('lists the declared values when none is close, in a block mapping', () => {
    const text = withSlice('\n      age: middle-aged # a third cohort\n');
    const diagnostic = onlyDiagnostic(text, 'MC024');
    assert.deepEqual(diagnostic.range, range(13, 11, 13, 22));
    assert.equal(diagnostic.message, '`middle-aged` is not a declared value of factor `age` (young, old).');
    assert.equal(diagnostic.data, undefined);
  });

  it('asks to declare a factor when the card declares none', () => {
    const text = 'name: x\nmetrics:\n  - name: f1\n    value: 0.9\n    slice: {language: de}\n';
    const diagnostic = onlyDiagnostic(text, 'MC024');
    assert.equal(textAt(text, diagnostic.range), 'language');
    assert.equal(diagnostic.message, 'Slice factor `language` is not declared under `factors`. Add it to `factors.evaluation`.');
  });

  it('accepts slices on declared factors and values: mapping, text, overall', () => {
    for (const slice of ['{age: young, gender: female}', 'age=young, gender:female', 'overall', 'Overall', 'young', 'gender']) {
      assert.deepEqual(diagnosticsWithCode(withSlice(slice), 'MC024'), [], slice);
    }
  });

  it('accepts factors declared under factors.relevant', () => {
    const text = withSlice('{region: eu}').replace('factors:\n', 'factors:\n  relevant: [region]\n');
    assert.deepEqual(diagnosticsWithCode(text, 'MC024'), []);
  });

  it('reports every problem of a text slice together, on the slice', () => {
    const text = withSlice('age=old and region=eu');
    const diagnostic = onlyDiagnostic(text, 'MC024');
    assert.equal(textAt(text, diagnostic.range), 'age=old and region=eu');
    assert.equal(diagnostic.message, 'Slice factor `region` is not declared under `factors`. Add it to `factors.evaluation`.');
    assert.equal(
      onlyDiagnostic(withSlice('age=teen, region=eu'), 'MC024').message,
      '`teen` is not a declared value of factor `age` (young, old). Slice factor `region` is not declared under `factors`. Add it to `factors.evaluation`.',
    );
  });

  it('asks for factor: value when a bare text slice names no factor or value', () => {
    assert.equal(
      onlyDiagnostic(withSlice('martians'), 'MC024').message,
      'Slice `martians` names no factor declared under `factors`: write it as `factor: value` and declare the factor.',
    );
  });

  it('leaves a placeholder slice to the placeholder rule', () => {
    assert.deepEqual(diagnosticsWithCode(withSlice('TODO'), 'MC024'), []);
  });

  sharedRuleTests({ code: 'MC024', name: 'undeclared-slice-factor', defaultSeverity: DiagnosticSeverity.Warning }, withSlice('{gendr: female}'));
});
