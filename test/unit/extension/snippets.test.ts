import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { completeCard } from '../../helpers/ruleTests';
import { diagnose } from '../../helpers/cards';

const snippets: Record<string, { prefix: string[]; body: string[] }> = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../snippets/modelcard.code-snippets'), 'utf8'),
);

/** The snippet's text as inserted when every tab stop keeps its default (the first choice), with a fixed date. */
function expand(name: string, indent: string): string {
  const variables: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '24' };
  return snippets[name].body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$([A-Z_]+)/g, (_match, variable: string) => variables[variable])
    .replace(/\$0/g, '')
    .split('\n')
    .map((line) => (line ? indent + line : line))
    .join('\n');
}

/** Findings other than placeholders (MC030), as `code message`. */
const findingsBeyondPlaceholders = (text: string) =>
  diagnose(text)
    .filter((diagnostic) => diagnostic.code !== 'MC030')
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`);

describe('the snippets', () => {
  it('are a metric result, a dataset and a review', () => {
    assert.deepEqual(Object.keys(snippets), ['Metric result', 'Dataset', 'Review']);
  });

  it('each fit where they belong in a card: nothing to fix but their placeholders', () => {
    const cards = {
      'Metric result': completeCard.replace('metrics:\n', `metrics:\n${expand('Metric result', '  ')}`),
      Dataset: completeCard.replace('evaluation_data:\n', `evaluation_data:\n${expand('Dataset', '  ')}`),
      Review: `${completeCard}governance:\n  status: approved\n  reviews:\n${expand('Review', '    ')}`,
    };
    for (const [name, card] of Object.entries(cards)) {
      assert.notEqual(card, completeCard, name);
      assert.deepEqual(findingsBeyondPlaceholders(card), [], `${name}:\n${card}`);
    }
    assert.ok(diagnose(cards['Metric result']).some((diagnostic) => diagnostic.code === 'MC030'), 'the metric value is left to write');
  });
});
