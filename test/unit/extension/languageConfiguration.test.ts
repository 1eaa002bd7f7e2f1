import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface OnEnterRule {
  beforeText: string;
  action: { indent: string; appendText?: string };
}

const configuration = JSON.parse(readFileSync(path.resolve(__dirname, '../../../language-configuration.json'), 'utf8'));

/** What pressing Enter at the end of `line` does: the first matching rule's action (as VS Code picks it), or nothing. */
function onEnter(line: string): OnEnterRule['action'] | undefined {
  return (configuration.onEnterRules as OnEnterRule[]).find((rule) => new RegExp(rule.beforeText).test(line))?.action;
}

describe('the language configuration', () => {
  it('indents after a key that opens a block, a list item key, or a block scalar', () => {
    for (const line of ['intended_use:', '  primary_uses:  # what it is for', '  - slice:', 'limitations: |', '  summary: >-']) {
      assert.deepEqual(onEnter(line), { indent: 'indent' }, line);
    }
  });

  it('starts another list item after a list item with text, and aligns under the key of a list item mapping', () => {
    for (const line of ['    - TODO a known failure mode', '  - https://arxiv.org/abs/1810.03993']) {
      assert.deepEqual(onEnter(line), { indent: 'none', appendText: '- ' }, line);
    }
    assert.deepEqual(onEnter('  - name: accuracy'), { indent: 'none', appendText: '  ' });
  });

  it('does nothing special after a key with its value, a comment, or an empty list item', () => {
    for (const line of ['name: ImageClassifier', '# a comment:', '  - ', '']) assert.equal(onEnter(line), undefined, line);
  });

  it('comments with #', () => {
    assert.equal(configuration.comments.lineComment, '#');
  });
});
