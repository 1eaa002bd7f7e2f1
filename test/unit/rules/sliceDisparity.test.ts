import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { cardDocument, cardUri, diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { actionEdits, applyTextEdits } from '../../helpers/codeActionEdits';
import { createLanguageService } from '../../../server/src/service/languageService';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const repoRoot = path.resolve(__dirname, '../../..');
const smiling = readFileSync(path.join(repoRoot, 'examples/smiling-detection.modelcard.yaml'), 'utf8');
const discussion = '  - Accuracy drops for older men, as the sliced results show.\n';
const undiscussed = smiling.replace(discussion, '');

/** The complete card with sliced accuracy results (higher is better) and `limitations` as given. */
const slicedCard = (results: string, limitations = 'May misclassify rare images') =>
  completeCard.replace(
    'metrics:\n  - name: accuracy\n    value: 0.92\n    dataset: photos-test\n',
    `factors:\n  relevant: [lighting]\nmetrics:\n${results}`,
  ).replace('limitations: May misclassify rare images', `limitations: ${limitations}`);
const darkAndBright = slicedCard(
  '  - {name: accuracy, value: 0.95, dataset: photos-test, slice: {lighting: bright}}\n' +
    '  - {name: accuracy, value: 0.70, dataset: photos-test, slice: {lighting: dark}}\n',
);

describe('MC027 slice-disparity', () => {
  it('is silent on the smiling-detection example, which discusses its older men', () => {
    assert.deepEqual(diagnosticsWithCode(smiling, 'MC027'), []);
  });

  it('warns on the intersectional slice, naming both slices and both values, once the discussion is removed', () => {
    const found = diagnosticsWithCode(undiscussed, 'MC027');
    assert.deepEqual(
      found.map((diagnostic) => [diagnostic.range, textAt(undiscussed, diagnostic.range)]),
      [
        [range(61, 11, 61, 35), '{age: old, gender: male}'],
        [range(79, 11, 79, 35), '{age: old, gender: male}'],
      ],
    );
    assert.equal(
      found[1].message,
      "`false_negative_rate` is 0.14 for age: old, gender: male and 0.05 for age: young, gender: female (their confidence intervals do not overlap), and the card's limitations, ethical considerations or caveats do not discuss `age` and `gender`: say who is served worse, and what users should do about it.",
    );
    assert.equal(found[1].severity, DiagnosticSeverity.Warning);
  });

  it('applies the four-fifths rule to rates where higher is better, and offers a stub caveat that names the factor', () => {
    const diagnostic = onlyDiagnostic(darkAndBright, 'MC027');
    assert.equal(textAt(darkAndBright, diagnostic.range), '{lighting: dark}');
    assert.deepEqual(diagnostic.range, range(9, 63, 9, 79));
    assert.match(diagnostic.message, /^`accuracy` is 0\.70 for lighting: dark and 0\.95 for lighting: bright \(a ratio of 0\.74, under 0\.8 \(the four-fifths rule\)/);
    const [action] = createLanguageService().codeActions(cardDocument(darkAndBright), { diagnostics: [diagnostic] });
    assert.equal(action.title, 'Add a caveat about lighting');
    const fixed = applyTextEdits(darkAndBright, actionEdits(action, cardUri));
    assert.ok(fixed.includes("caveats_and_recommendations:\n  - 'Performance differs across lighting (accuracy): TODO say who is served worse, why, and what users should do.'\n"), fixed);
    assert.deepEqual(diagnosticsWithCode(fixed, 'MC027'), [], 'the caveat names the factor');
  });

  it('takes its bounds from the project config and the policy', () => {
    assert.deepEqual(diagnosticsWithCode(darkAndBright, 'MC027', { disparity: { minRatio: 0.7, maxGap: 0.3 } }), []);
    const close = slicedCard(
      '  - {name: accuracy, value: 0.95, dataset: photos-test, slice: {lighting: bright}}\n' +
        '  - {name: accuracy, value: 0.91, dataset: photos-test, slice: {lighting: dark}}\n',
    );
    assert.deepEqual(diagnosticsWithCode(close, 'MC027'), []);
    assert.equal(diagnosticsWithCode(close, 'MC027', { disparity: { maxGap: 0.02 } }).length, 1);
  });

  it('counts a discussion that names the factor or a slice value, in any discussion section', () => {
    for (const limitations of ['Dark photos are classified worse.', 'Lighting changes the accuracy.']) {
      const text = darkAndBright.replace('limitations: May misclassify rare images', `limitations: ${limitations}`);
      assert.deepEqual(diagnosticsWithCode(text, 'MC027'), [], limitations);
    }
  });

  sharedRuleTests({ code: 'MC027', name: 'slice-disparity', defaultSeverity: DiagnosticSeverity.Warning }, darkAndBright);
});
