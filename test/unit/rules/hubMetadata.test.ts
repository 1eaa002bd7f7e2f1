import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { defaultSettings } from '../../../server/src/protocol';
import { createLanguageService } from '../../../server/src/service/languageService';
import { withCrlf } from '../../helpers/ruleTests';

/** Each Hub finding of a README as `code line:character-line:character text`, the text being what the range covers. */
function findings(readme: string, uri = 'file:///models/sentiment/README.md'): string[] {
  const document = TextDocument.create(uri, 'markdown', 1, readme);
  return createLanguageService().validate(document, defaultSettings).map((diagnostic: Diagnostic) => {
    const { start, end } = diagnostic.range;
    return `${String(diagnostic.code)} ${start.line}:${start.character}-${end.line}:${end.character} ${document.getText(diagnostic.range)}`;
  });
}

const badReadme = `
---
license: Apache-2.0
pipeline_tag: text-classifier
language: [en-US, fr]
datasets:
- null
widget: {text: Hello}
model-index:
- results:
  - task:
      name: Text Classification
    dataset:
      name: glue
      config: 1
    metrics:
    - type: accuracy
    source:
      name: Paper
---
# A model
`;

describe('the Hub metadata rules on README.md (MC070-MC076)', () => {
  it('find a bad licence, an unknown pipeline tag, a malformed model-index and the other Hub refusals, with exact ranges (after a leading blank line)', () => {
    assert.deepEqual(findings(badReadme), [
      'MC071 2:9-2:19 Apache-2.0',
      'MC072 3:14-3:29 text-classifier',
      'MC073 4:11-4:16 en-US',
      'MC075 6:2-6:6 null',
      'MC075 7:0-7:6 widget',
      'MC074 9:2-9:9 results',
      'MC074 10:4-10:8 task',
      'MC074 12:4-12:11 dataset',
      'MC074 14:14-14:15 1',
      'MC074 16:6-16:10 type',
      'MC074 17:4-17:10 source',
    ]);
  });

  it('find the same in a README with CRLF line endings', () => {
    assert.deepEqual(findings(withCrlf(badReadme)), findings(badReadme));
  });

  it('say what the Hub says, and offer the closest valid value', () => {
    const document = TextDocument.create('file:///README.md', 'markdown', 1, badReadme);
    const [license, tag] = createLanguageService().validate(document);
    assert.equal(license.message, '`Apache-2.0` is not on the Hub\'s licence list (the Hub refuses the push: "license" must be one of [apache-2.0, mit, …]). Did you mean `apache-2.0`?');
    assert.deepEqual(license.data, { kind: 'replace', title: 'Change to apache-2.0', newText: 'apache-2.0' });
    assert.match(String(tag.message), /^`text-classifier` is not a Hugging Face pipeline tag/);
  });

  it('report metadata that is a list, a template placeholder or broken YAML, and nothing for a README without metadata', () => {
    assert.deepEqual(findings('---\n[]\n---\n# x\n'), ['MC070 1:0-1:2 []']);
    assert.deepEqual(findings('---\n{{card_data}}\n---\n# x\n'), ['MC070 1:0-1:13 {{card_data}}']);
    assert.ok(findings('---\nlicense: [mit\n---\n# x\n').some((finding) => finding.startsWith('MC070 ')));
    assert.deepEqual(findings('# A README without metadata\n'), []);
  });

  it('flag values the Hub\'s YAML 1.1 parser reads differently, with a quoting fix', () => {
    assert.deepEqual(findings('---\nlanguage: [no]\nthumbnail: 1:20\nextra: 2020-02-02\nlicense: mit\n---\n'), ['MC076 1:11-1:13 no', 'MC076 2:11-2:15 1:20', 'MC076 3:7-3:17 2020-02-02']);
  });

  it('leave a valid README alone', () => {
    assert.deepEqual(findings('---\nlicense: other\nlicense_name: acme\nlicense_link: LICENSE\nlanguage: [en, eo]\npipeline_tag: text-classification\nmodel-index:\n- name: m\n  results:\n  - task: {type: text-classification}\n    dataset: {type: imdb, name: IMDb}\n    metrics: [{type: accuracy, value: 0.9}]\n---\n'), []);
  });

  it('run on README.md files only: a card named otherwise gets the card rules', () => {
    assert.ok(findings(badReadme, 'file:///models/sentiment/notes.modelcard.yaml').every((finding) => !/^MC07[0-6]/.test(finding)));
  });
});

describe('hub-export (MC077) on cards: what export would write', () => {
  const card = (extra: string) => `name: m\nlicense: mit\nlimitations: [x]\n${extra}`;
  const cardFindings = (text: string) => findings(text, 'file:///m.modelcard.yaml').filter((finding) => finding.startsWith('MC077'));

  it('checks the x-huggingface keys export gives back, at their place in the card', () => {
    assert.deepEqual(cardFindings(card('metrics: {accuracy: 0.9}\nx-huggingface:\n  widget: {text: hi}\n  tags: []\n')), ['MC077 5:2-5:8 widget']);
  });

  it('says when results cannot go into model-index for want of a task, on a card meant for the Hub', () => {
    const results = 'library_name: transformers\nevaluation_data: [{name: imdb, hub_id: imdb}]\nmetrics:\n  - {name: accuracy, value: 0.9, dataset: imdb}\n';
    assert.deepEqual(cardFindings(card(results)), ['MC077 5:0-5:7 metrics']);
    assert.deepEqual(cardFindings(card(`task: text-classification\n${results}`)), []);
  });
});
