import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardDocument, range, seedSample, withCaret } from '../../helpers/cards';

function hoverAt(textWithCaret: string): Hover | null {
  const { text, position } = withCaret(textWithCaret);
  return createLanguageService().hover(cardDocument(text), position);
}

const markdown = (hover: Hover | null) => (hover?.contents as MarkupContent).value;

describe('hover', () => {
  it('on `limitations` gives the guidance, the expected type and an example, over the key', () => {
    const hover = hoverAt(seedSample.replace('limitations:', 'limi|tations:'));
    assert.match(markdown(hover), /^\*\*limitations\*\*\n\n\*\*Limitations\*\*: the model's likely failure modes/);
    assert.match(markdown(hover), /A \*\*limitation\*\* is a likely failure mode \(Hugging Face annotated card\)/);
    assert.match(markdown(hover), /\*Who writes it:\* the developer\./);
    assert.match(markdown(hover), /\*Expected:\* text or list of text/);
    assert.match(markdown(hover), /```yaml\nlimitations: May misclassify rare images\n```/);
    assert.deepEqual(hover?.range, range(4, 0, 4, 11));
  });

  it('on a nested key and on a list item key', () => {
    assert.match(markdown(hoverAt('name: x\nintended_use:\n  out_of|_scope: [a]\n')), /Out-of-scope use cases/);
    assert.match(markdown(hoverAt('name: x\nmetrics:\n  - name: a\n    thr|eshold: 0.5\n')), /Decision threshold/);
  });

  it('on a licence id, a pipeline tag, a language and an enum value says what the value means', () => {
    assert.match(markdown(hoverAt('name: x\nlicense: apa|che-2.0\n')), /^\*\*apache-2\.0\*\*: Apache license 2\.0 · Hugging Face licence id\n\n\*Source:\* .*list as of \d{4}-\d{2}-\d{2}/);
    assert.match(markdown(hoverAt('name: x\nlicense: Apache-2|.0\n')), /SPDX licence id/);
    assert.equal(markdown(hoverAt('name: x\ntask: image-cl|assification\n')), '**image-classification**: Image Classification · Hugging Face pipeline tag (cv)');
    assert.equal(markdown(hoverAt('name: x\nlanguage: [e|n]\n')), '**en**: English · ISO 639-1');
    assert.equal(markdown(hoverAt('name: x\ngovernance:\n  status: in_re|view\n')), '**in_review**: Submitted for review.');
  });

  it('on a diagnostic explains why its rule exists', () => {
    const hover = hoverAt('name: x\nlanguage: n|o\nmetrics: {accuracy: 0.9}\nlimitations: x\n');
    assert.match(markdown(hover), /\*\*MC043 yaml11-boolean\*\*: YAML 1\.1 parsers \(PyYAML/);
  });

  it('is empty away from keys and values', () => {
    assert.equal(hoverAt('name: x\nlimitations: y\nmetrics: {a: 1}\n# a com|ment\n'), null);
  });
});
