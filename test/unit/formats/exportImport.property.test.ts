import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exportFormat, importFormat } from '../../../server/src/service/formats';
import type { ExportFormatId, ImportFormatId } from '../../../server/src/service/formats/formatTypes';
import { propertySeed } from '../../helpers/randomEdits';

type Json = Record<string, unknown>;

// Random valid cards. Texts are sentences (no Markdown syntax of their own): what a README or an MCT
// JSON holds as text, the card must get back as the same text.
const word = fc.stringMatching(/^[a-z][a-z0-9]{2,9}$/);
const sentence = fc.array(word, { minLength: 2, maxLength: 8 }).map((words) => `${words.join(' ')}.`.replace(/^./, (first) => first.toUpperCase()));
const sentences = fc.array(sentence, { minLength: 1, maxLength: 3 });
const metricNames = ['accuracy', 'f1', 'wer', 'bleu', 'latency_p95', 'auc'];
const rate = (name: string) => ['accuracy', 'f1', 'auc', 'wer'].includes(name);

const datasetsArbitrary = fc.uniqueArray(
  fc.record({ name: word, hub_id: fc.option(word.map((id) => `org/${id}`), { nil: undefined }), config: fc.option(word, { nil: undefined }), split: fc.option(fc.constantFrom('test', 'validation'), { nil: undefined }) }, { requiredKeys: ['name'] }),
  { minLength: 1, maxLength: 3, selector: (dataset) => dataset.name },
);

const cardArbitrary = datasetsArbitrary.chain((datasets) =>
  fc.record(
    {
      name: fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
      version: fc.stringMatching(/^[0-9]\.[0-9]{1,2}$/),
      summary: sentence,
      description: sentences.map((paragraphs) => paragraphs.join('\n\n')),
      license: fc.constantFrom('apache-2.0', 'mit', 'cc-by-4.0', 'Apache-2.0', 'MIT'),
      language: fc.uniqueArray(fc.constantFrom('en', 'fr', 'de', 'eo', 'sw'), { minLength: 1, maxLength: 3 }),
      tags: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
      task: fc.constantFrom('text-classification', 'automatic-speech-recognition', 'image-classification'),
      library_name: fc.constantFrom('transformers', 'timm', 'sklearn'),
      architecture: sentence,
      owners: fc.uniqueArray(fc.record({ name: word, contact: word.map((user) => `${user}@example.com`) }), { minLength: 1, maxLength: 2, selector: (owner) => owner.name }),
      references: fc.uniqueArray(word.map((path) => `https://example.com/${path}`), { minLength: 1, maxLength: 2 }),
      citation: sentence,
      intended_use: fc.record({ primary_uses: sentences, primary_users: sentences }),
      limitations: sentences,
      tradeoffs: sentences,
      ethical_considerations: fc.uniqueArray(fc.record({ name: sentence, mitigation: sentence }), { minLength: 1, maxLength: 2, selector: (risk) => risk.name }),
      evaluation_data: fc.constant(datasets),
      metrics: fc.uniqueArray(
        fc.record({
          name: fc.constantFrom(...metricNames),
          dataset: fc.constantFrom(...datasets.map((dataset) => dataset.name)),
          slice: fc.option(fc.record({ [`factor${0}`]: word }), { nil: undefined }),
          fraction: fc.integer({ min: 0, max: 1000 }),
          percent: fc.boolean(),
          threshold: fc.option(fc.constantFrom(0.3, 0.5), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 6, selector: (result) => `${result.name}/${result.dataset}/${JSON.stringify(result.slice)}` },
      ).map((results) => results.map(({ fraction, percent, ...result }) => resultOf(result, fraction, percent))),
    },
  ).map((card) => JSON.parse(JSON.stringify({ ...card, factors: { evaluation: [{ name: 'factor0' }] } })) as Json),
);

function resultOf(result: Json, fraction: number, percent: boolean): Json {
  const written = { ...result };
  for (const key of Object.keys(written)) if (written[key] === undefined) delete written[key];
  if (!rate(String(result.name))) return { ...written, value: fraction / 10, unit: result.name === 'latency_p95' ? 'ms' : undefined };
  return percent ? { ...written, value: fraction / 10, unit: 'percent' } : { ...written, value: fraction / 1000 };
}

/** What `format` holds of a card, as comparable data; the card after the round trip must hold the same. */
const modelled: Record<Exclude<ExportFormatId, 'cyclonedx' | 'json'>, (card: Json) => unknown> = {
  hf: (card) => ({
    name: card.name,
    version: card.version,
    license: String(card.license).toLowerCase(),
    language: card.language,
    tags: card.tags,
    task: card.task,
    library_name: card.library_name,
    architecture: card.architecture,
    citation: card.citation,
    references: card.references,
    owners: (card.owners as Json[]).map((owner) => (typeof owner === 'string' ? owner : owner.name)),
    intended_use: card.intended_use,
    limitations: card.limitations,
    tradeoffs: card.tradeoffs,
    ethical_considerations: card.ethical_considerations,
    // model-index needs a dataset id: the name stands for it when the card gives none.
    datasets: sortedBy((card.evaluation_data as Json[]).map((dataset) => ({ ...dataset, hub_id: dataset.hub_id ?? dataset.name })), 'name'),
    results: sortedResults(card.metrics as Json[], ['name', 'value', 'unit', 'dataset', 'slice', 'threshold']),
  }),
  mct: (card) => ({
    name: card.name,
    version: card.version,
    summary: card.summary,
    description: card.description,
    // MCT holds SPDX ids, which match in any case: `apache-2.0` comes back as `Apache-2.0`.
    license: String(card.license).toLowerCase(),
    owners: card.owners,
    references: card.references,
    citation: card.citation,
    architecture: card.architecture,
    intended_use: card.intended_use,
    limitations: card.limitations,
    tradeoffs: card.tradeoffs,
    ethical_considerations: card.ethical_considerations,
    datasets: sortedBy([...((card.evaluation_data as Json[]) ?? []), ...((card.training_data as Json[]) ?? [])].map((dataset) => ({ name: dataset.name })), 'name'),
    results: sortedResults(card.metrics as Json[], ['name', 'value', 'unit', 'slice', 'threshold']),
  }),
};

function sortedBy(list: Json[], key: string): Json[] {
  return [...list].map((item) => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined))).sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}

/** Results with the fields a format models, `ms` and other units aside (only percent is a scale the formats keep). */
function sortedResults(results: Json[], keys: string[]): string[] {
  return results.map((result) => JSON.stringify(Object.fromEntries(keys.flatMap((key) => (result[key] === undefined || (key === 'unit' && result[key] !== 'percent') ? [] : [[key, result[key]]]))))).sort();
}

const targets: [Exclude<ExportFormatId, 'cyclonedx' | 'json'>, ImportFormatId, string][] = [
  ['hf', 'hf', 'README.md'],
  ['mct', 'mct', 'model_card.json'],
];

describe('card → export → import → card (random valid cards)', () => {
  for (const [exportId, importId, fileName] of targets) {
    it(`keeps every field ${exportId} models`, async () => {
      const exporter = await exportFormat(exportId)!.load();
      const importer = await importFormat(importId)!.load();
      fc.assert(
        fc.property(cardArbitrary, (card) => {
          const [main] = exporter.export(card, {}).files;
          const back = importer.import({ text: main.text!, fileName });
          assert.ok(back.card, back.findings.map((finding) => finding.message).join('\n'));
          assert.deepEqual(modelled[exportId](back.card), modelled[exportId](card));
        }),
        { numRuns: 60, seed: propertySeed },
      );
    });
  }
});
