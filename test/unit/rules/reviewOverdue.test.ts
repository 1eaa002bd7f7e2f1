import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const reviewedBy = (date: string) => `${completeCard}monitoring:\n  review_cadence: quarterly\n  next_review: '${date}'\n`;
const today = { today: '2026-06-15' };

describe('MC087 review-overdue', () => {
  it('underlines a next review date before today, with both dates', () => {
    const text = reviewedBy('2026-06-14');
    const diagnostic = onlyDiagnostic(text, 'MC087', today);
    assert.deepEqual(diagnostic.range, range(15, 15, 15, 27));
    assert.equal(textAt(text, diagnostic.range), "'2026-06-14'");
    assert.equal(diagnostic.message, 'The next review was due on 2026-06-14 (today is 2026-06-15): review the card and the model, then set the next date.');
  });

  it('counts a month as over once the next one starts', () => {
    assert.equal(onlyDiagnostic(reviewedBy('2026-05'), 'MC087', today).message, 'The next review was due in 2026-05 (today is 2026-06-15): review the card and the model, then set the next date.');
    assert.deepEqual(diagnosticsWithCode(reviewedBy('2026-06'), 'MC087', today), []);
  });

  it('accepts today and later dates, and does not run without a today (reproducible checks)', () => {
    assert.deepEqual(diagnosticsWithCode(reviewedBy('2026-06-15'), 'MC087', today), []);
    assert.deepEqual(diagnosticsWithCode(reviewedBy('2027-01-01'), 'MC087', today), []);
    assert.deepEqual(diagnosticsWithCode(reviewedBy('2020-01-01'), 'MC087'), []);
  });

  sharedRuleTests({ code: 'MC087', name: 'review-overdue', defaultSeverity: DiagnosticSeverity.Warning }, reviewedBy('2026-06-14'), undefined, today);
});
