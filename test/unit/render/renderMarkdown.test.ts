import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/service/languageService';
import { escapeCell, escapeInline } from '../../../server/src/service/render/renderMarkdown';
import { cardDocument } from '../../helpers/cards';
import { completeCard } from '../../helpers/ruleTests';

const markdownOf = (text: string, audience: 'developer' | 'public' = 'developer') => createLanguageService().renderMarkdown(cardDocument(text), audience);

describe('renderMarkdown', () => {
  it('escapes table cells: pipes, markup and line breaks stay text on one line', () => {
    const card = completeCard.replace('  - name: accuracy\n', "  - name: 'top|1 <b>*acc*</b>'\n").replace('photos-test\nevaluation_data', "photos-test\n    slice: \"a\\nb\"\nevaluation_data");
    const table = markdownOf(card).split('\n').filter((line) => line.startsWith('| '));
    assert.deepEqual(table.slice(-1), ['| top\\|1 \\<b\\>\\*acc\\*\\</b\\> | 0.92 | a b | photos-test |']);
  });

  it('keeps text fields as the Markdown they are written in', () => {
    const card = completeCard.replace('limitations: May misclassify rare images', 'limitations: |\n  May **misclassify** rare images:\n\n  - at night\n  - in fog');
    assert.match(markdownOf(card), /## Limitations\n\nMay \*\*misclassify\*\* rare images:\n\n- at night\n- in fog\n/);
  });

  it('puts each finding under its section, except for the public', () => {
    const card = completeCard.replace('No personal data', 'TODO');
    assert.match(markdownOf(card), /## Ethical considerations\n\nTODO\n\n> \*\*Warning\*\* MC030 \(line 13\): Placeholder `TODO` left in `ethical_considerations`/);
    assert.doesNotMatch(markdownOf(card, 'public'), /MC030/);
  });

  it('escapes inline markup characters but not underscores inside words', () => {
    assert.equal(escapeInline('false_positive_rate _x_ [a](b) #1 `c`'), 'false_positive_rate \\_x\\_ \\[a\\](b) \\#1 \\`c\\`');
    assert.equal(escapeCell('a |\n b'), 'a \\| b');
  });
});
