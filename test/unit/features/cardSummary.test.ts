import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardDocument, seedSample } from '../../helpers/cards';

const summarize = (text: string) => createLanguageService().summarize(cardDocument(text));
const exportData = (text: string) => createLanguageService().exportData(cardDocument(text));

describe('card summary (status bar)', () => {
  it('gives the name and the governance status', () => {
    assert.deepEqual(summarize(`${seedSample}governance:\n  status: in_review\n`), { name: 'ImageClassifier', status: 'in_review' });
  });

  it('leaves out a status the card does not state, or states wrongly, and a name that is not text', () => {
    assert.deepEqual(summarize(seedSample), { name: 'ImageClassifier' });
    assert.deepEqual(summarize('name: A\ngovernance:\n  status: aproved\n'), { name: 'A' });
    assert.deepEqual(summarize('name: [A]\ngovernance: approved\n'), {});
  });

  it('answers for text that is not a card', () => {
    for (const text of ['', '- a\n', '[unclosed\n', 'governance: {status: [draft]}\n']) assert.deepEqual(summarize(text), {});
  });
});

describe('card data (export)', () => {
  it('gives the card as plain data, with its error count', () => {
    assert.deepEqual(exportData(seedSample), {
      data: { name: 'ImageClassifier', version: '1.0', metrics: { accuracy: 0.92 }, limitations: 'May misclassify rare images' },
      errorCount: 0,
    });
    // Errors: missing-limitations (MC001) and metric-out-of-range (MC022); the warnings do not count.
    assert.equal(exportData('name: A\nmetrics:\n  accuracy: 1.5\n').errorCount, 2);
  });

  it('gives no data for a card that is not a mapping', () => {
    assert.deepEqual(exportData(''), { errorCount: 1 });
    assert.deepEqual(exportData('- a\n- b\n'), { errorCount: 1 });
  });
});
