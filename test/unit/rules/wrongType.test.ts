import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnose, diagnosticsWithCode, range } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, schemaFindings, sharedRuleTests } from '../../helpers/ruleTests';

describe('MC011 wrong-type', () => {
  it('underlines a number where text is expected', () => {
    const diagnostic = onlyDiagnostic('name: x\nsummary: 3\n', 'MC011');
    assert.deepEqual(diagnostic.range, range(1, 9, 1, 10));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, '`summary` must be text, not a whole number.');
    assert.equal(diagnostic.data, undefined);
  });

  it('says a key with no value has no value, on the key', () => {
    const diagnostic = onlyDiagnostic('name: x\ndescription:\n', 'MC011');
    assert.deepEqual(diagnostic.range, range(1, 0, 1, 11));
    assert.equal(diagnostic.message, '`description` has no value: write text here, or remove the key.');
  });

  it('does not also call an empty enum field an invalid value', () => {
    const text = 'name: x\ngovernance:\n  status:\n';
    assert.equal(onlyDiagnostic(text, 'MC011').message, '`governance.status` has no value: write text here, or remove the key.');
    assert.deepEqual(diagnosticsWithCode(text, 'MC012'), []);
  });

  it('underlines a block list without the line break after it', () => {
    const text = 'name: x\nsummary:\n  - one\n  - two\n\nlicense: mit\n';
    const diagnostic = onlyDiagnostic(text, 'MC011');
    assert.deepEqual(diagnostic.range, range(2, 2, 3, 7));
    assert.equal(diagnostic.message, '`summary` must be text, not a list.');
  });

  it('names nested paths in flow style', () => {
    const text = 'name: x\nenvironment: {hours: many}\n';
    const diagnostic = onlyDiagnostic(text, 'MC011');
    assert.deepEqual(diagnostic.range, range(1, 21, 1, 25));
    assert.equal(diagnostic.message, '`environment.hours` must be a number, not text.');
  });

  it('says what a value that is not a finite number reads as, once, and no rule compares it', () => {
    const text = 'name: x\nmetrics:\n  accuracy: .nan\n  f1: 1e400\n  recall: -.inf\n';
    assert.deepEqual(diagnose(text).filter((diagnostic) => /^MC0[12]/.test(String(diagnostic.code))).map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.message]), [
      ['MC020', 1, 'These metric results name no evaluation data: add `evaluation_data` to say what they were measured on.'],
      ['MC011', 2, '`metrics.accuracy` must be a number, not .nan (not a number).'],
      ['MC011', 3, '`metrics.f1` must be a number, not infinity (.inf, or a number too large such as 1e400).'],
      ['MC011', 4, '`metrics.recall` must be a number, not -infinity (-.inf, or a number too large such as -1e400).'],
    ]);
  });

  describe('values with several accepted shapes report only the errors of the shape written', () => {
    it('metrics: a short-form value that is not a number', () => {
      const text = 'name: x\nmetrics:\n  accuracy: high\n';
      assert.deepEqual(
        schemaFindings(text),
        [['MC011', '`metrics.accuracy` must be a number, not text.']],
      );
    });

    it('metrics: a list item that is not a mapping', () => {
      const diagnostic = onlyDiagnostic('name: x\nmetrics: [1]\n', 'MC011');
      assert.deepEqual(diagnostic.range, range(1, 10, 1, 11));
      assert.equal(diagnostic.message, '`metrics[0]` must be a mapping of keys, not a whole number.');
    });

    it('metrics: a list result without its value, and nothing about the short form', () => {
      assert.deepEqual(schemaFindings('name: x\nmetrics:\n  - name: f1\n'), [['MC013', 'Missing `value` in `metrics[0]`. The measured value.']]);
    });

    it('slice: an empty mapping, and nothing about the text form', () => {
      const text = 'name: x\nmetrics:\n  - name: f1\n    value: 0.9\n    slice: {}\n';
      assert.deepEqual(schemaFindings(text), [['MC014', '`metrics[0].slice` is empty: add at least one entry, or remove the key.']]);
    });

    it('metrics: neither shape', () => {
      assert.equal(onlyDiagnostic('name: x\nmetrics: 3\n', 'MC011').message, '`metrics` must be a mapping of keys or a list, not a whole number.');
    });

    it('slice: a number instead of text or a mapping', () => {
      const text = 'name: x\nmetrics:\n  - name: f1\n    value: 0.9\n    slice: 3\n';
      const diagnostic = onlyDiagnostic(text, 'MC011');
      assert.deepEqual(diagnostic.range, range(4, 11, 4, 12));
      assert.equal(diagnostic.message, '`metrics[0].slice` must be text or a mapping of keys, not a whole number.');
    });

    it('confidence_interval: a list with text in it, and a mapping with a text bound', () => {
      const list = 'name: x\nmetrics:\n  - name: f1\n    value: 0.9\n    confidence_interval: [low, 0.95]\n';
      assert.deepEqual(
        schemaFindings(list),
        [['MC011', '`metrics[0].confidence_interval[0]` must be a number, not text.']],
      );
      const mapping = 'name: x\nmetrics:\n  - name: f1\n    value: 0.9\n    confidence_interval: {lower: low, upper: 0.95}\n';
      assert.deepEqual(
        schemaFindings(mapping),
        [['MC011', '`metrics[0].confidence_interval.lower` must be a number, not text.']],
      );
    });
  });

  it('leaves a placeholder value to the placeholder rule', () => {
    const text = 'name: x\nmetrics:\n  - name: f1\n    value: TODO\n    confidence_interval: [TBD, 0.9]\n';
    assert.deepEqual(diagnosticsWithCode(text, 'MC011'), []);
    assert.equal(diagnosticsWithCode(text, 'MC030').length, 2);
  });

  it('accepts every value of a complete card, and a number or text as a version', () => {
    assert.deepEqual(diagnosticsWithCode(completeCard, 'MC011'), []);
    assert.deepEqual(diagnosticsWithCode('name: x\nversion: 2\n', 'MC011'), []);
  });

  sharedRuleTests({ code: 'MC011', name: 'wrong-type', defaultSeverity: DiagnosticSeverity.Error }, `${completeCard}summary: 3\n`);
});
