import assert from 'node:assert/strict';
import { defaultSettings } from '../../../server/src/protocol';
import { bindingKey } from '../../../server/src/service/card/metricBindings';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardDocument, withCaret } from '../../helpers/cards';
import { boundCard, boundRun, source, trackerValues } from '../../helpers/boundCards';

function hoverText(textWithCaret: string, values: ReturnType<typeof trackerValues>): string | undefined {
  const { text, position } = withCaret(textWithCaret);
  const contents = createLanguageService().hover(cardDocument(text), position, defaultSettings, values)?.contents as { value: string } | undefined;
  return contents?.value;
}

describe('hover on a bound value', () => {
  const withHistory = new Map(trackerValues([[source('test_accuracy'), 0.91]]));
  const found = withHistory.get(bindingKey(source('test_accuracy')));
  if (found && 'found' in found) {
    found.found.history = { count: 3, min: 0.5, max: 0.91, last: [{ step: 0, value: 0.5, timestamp: 0 }, { step: 1, value: 0.8, timestamp: 0 }, { step: 2, value: 0.91, timestamp: 0 }] };
  }

  it('shows the run, its date and status, the value and its history', () => {
    const text = hoverText(boundCard.replace('value: 0.92', 'value: 0.|92'), withHistory);
    assert.equal(
      text?.split('\n\n---\n\n')[0],
      [
        '**Run a1b2c3d4** (bold-heron-42) · 2023-11-14 22:13 UTC · FINISHED',
        '`test_accuracy` = 0.91 at step 3',
        'History: 3 points, min 0.5, max 0.91',
        'Last steps: 0 → 0.5, 1 → 0.8, 2 → 0.91',
      ].join('\n\n'),
    );
  });

  it('shows why the run cannot be read, on the source too', () => {
    const text = hoverText(boundCard.replace(`run: ${boundRun}, key: test_accuracy`, `run: ${boundRun}, key: test_|accuracy`), trackerValues([[source('test_accuracy'), 'no run a1b2 in mlflow.db']]));
    assert.equal(text?.split('\n\n---\n\n')[0], '**mlflow run a1b2c3d4**: cannot be read (no run a1b2 in mlflow.db)');
  });

  it('adds nothing without tracker values, or away from bound results', () => {
    assert.doesNotMatch(hoverText(boundCard.replace('value: 0.92', 'value: 0.|92'), new Map()) ?? '', /Run/);
    assert.doesNotMatch(hoverText(boundCard.replace('name: churn-model', 'name: churn-|model'), withHistory) ?? '', /Run/);
  });
});
