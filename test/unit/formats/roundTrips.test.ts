import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isRecord } from '../../../server/src/service/card/values';
import { exportBom } from '../../../server/src/service/formats/cycloneDx/exportBom';
import { readmeParts } from '../../../server/src/service/formats/huggingFace/frontMatter';
import { exportReadme } from '../../../server/src/service/formats/huggingFace/exportReadme';
import { importReadme } from '../../../server/src/service/formats/huggingFace/importReadme';
import { cardLicenseOf } from '../../../server/src/service/formats/licenses';
import { exportFormat } from '../../../server/src/service/formats';
import { importMct, mctDate } from '../../../server/src/service/formats/modelCardToolkit/importMct';
import { corpusText, cycloneDxValidator, mctValidator, repoRoot } from '../../helpers/formats';

type Json = Record<string, unknown>;

/** The README's metadata as the Hub reads it. */
function metadataOf(readme: string): Json {
  const { yaml } = readmeParts(readme);
  return yaml ? (parse(readme.slice(yaml.start, yaml.end)) ?? {}) : {};
}

/** A model-index as one record per metric, in a stable order: what the Hub's EvalResult flattens it to. */
function evalResults(modelIndex: unknown): string[] {
  return (Array.isArray(modelIndex) ? modelIndex : []).flatMap((entry: Json) =>
    (entry.results as Json[]).flatMap((result) =>
      (result.metrics as Json[]).map((metric) => JSON.stringify({ model: entry.name, task: result.task, dataset: result.dataset, source: result.source ?? null, metric })),
    ),
  ).sort();
}

/**
 * The metadata fields both a README and a card hold, normalized the way the Hub reads them (one
 * licence, languages as a list). A `pipeline_tag` the source left out is the task its model-index
 * names, which the card keeps as its `task`: the Hub infers the same.
 */
function hubFields(metadata: Json, original?: Json): Json {
  const { 'model-index': modelIndex, license, language, pipeline_tag: pipelineTag, ...rest } = metadata;
  return {
    ...rest,
    ...(pipelineTag !== undefined && !(original?.pipeline_tag === undefined && modelIndexTasks(original?.['model-index']).includes(pipelineTag)) ? { pipeline_tag: pipelineTag } : {}),
    license: Array.isArray(license) && license.length === 1 ? license[0] : license,
    language: language === undefined ? undefined : [language].flat(),
    evalResults: evalResults(modelIndex),
  };
}

function modelIndexTasks(modelIndex: unknown): unknown[] {
  return evalResults(modelIndex).map((result) => JSON.parse(result).task?.type);
}

const readmes = [
  'hf-cards/huggingface_hub/sample_simple.md',
  'hf-cards/huggingface_hub/sample_simple_model_index.md',
  'hf-cards/huggingface_hub/sample_windows_line_breaks.md',
  'hf-cards/huggingface_hub/sample_datasetcard_simple.md',
  'hf-cards/skops/bert-base-uncased.md',
  'hf-cards/skops/gpt2.md',
  'hf-cards/skops/clip-vit-large-patch14.md',
];

describe('round trips through the card', () => {
  for (const file of readmes) {
    it(`Hugging Face → card → Hugging Face keeps every metadata field of ${file}`, () => {
      const original = metadataOf(corpusText(file));
      const { card } = importReadme({ text: corpusText(file), fileName: file });
      const [readme] = exportReadme(card!, {}).files;
      assert.deepEqual(hubFields(metadataOf(readme.text!), original), hubFields(original));
    });
  }

  it('Hugging Face → card → Hugging Face keeps a model-index with text values, verified flags, sources and several models', () => {
    const text = readFileSync(path.join(repoRoot, 'test/fixtures/formats/model-index.README.md'), 'utf8');
    const { card } = importReadme({ text, fileName: 'README.md' });
    const exported = metadataOf(exportReadme(card!, {}).files[0].text!);
    assert.deepEqual(hubFields(exported, metadataOf(text)), hubFields(metadataOf(text)));
  });

  for (const file of ['mct/full.json', 'mct/cats_vs_dogs_v0_0_2.json', 'mct/considerations.json', 'mct/train_data.json']) {
    it(`Model Card Toolkit → card → Model Card Toolkit keeps every field of ${file}, and the JSON validates against the MCT schema`, async () => {
      const original = JSON.parse(corpusText(file));
      const imported = importMct({ text: corpusText(file), fileName: file });
      const assets = new Map(imported.files.map((image) => [image.path, image.base64!]));
      const exporter = await exportFormat('mct')!.load();
      const exported: Json = JSON.parse(exporter.export(imported.card!, { assets }).files[0].text!);
      const validate = mctValidator();
      const valid = validate(exported);
      assert.ok(valid, JSON.stringify(validate.errors));
      assert.deepEqual(mctFields(exported), mctFields(original));
    });
  }

  it('exports a CycloneDX 1.6 and 1.5 BOM that the official schemas accept, 1.5 without the environment (reported)', () => {
    const card = parse(readFileSync(path.join(repoRoot, 'examples/speech-recognition.modelcard.yaml'), 'utf8'));
    card.environment = { hardware: '8x A100', hours: 120, co2_eq_kg: 42.5 };
    for (const spec of ['1.6', '1.5'] as const) {
      const { files, losses } = exportBom(card, { spec });
      const bom = JSON.parse(files[0].text!) as Record<string, any>;
      const validate = cycloneDxValidator(spec);
      const valid = validate(bom);
      assert.ok(valid, JSON.stringify(validate.errors));
      assert.equal(bom.specVersion, spec);
      const model = bom.metadata.component;
      assert.equal(model.type, 'machine-learning-model');
      assert.deepEqual(model.licenses, [{ license: { id: 'Apache-2.0' } }]);
      assert.deepEqual(model.modelCard.modelParameters.datasets, [{ ref: 'data:web-audio-2023' }, { ref: 'data:librispeech-test-clean' }, { ref: 'data:accented-english' }]);
      assert.deepEqual(bom.components.map((component: Json) => [component.type, component.name]), [['data', 'web-audio-2023'], ['data', 'librispeech-test-clean'], ['data', 'accented-english']]);
      assert.deepEqual(model.modelCard.quantitativeAnalysis.performanceMetrics[2], { type: 'wer', value: '0.027', slice: 'overall (dataset: librispeech-test-clean; model: large)', confidenceInterval: { lowerBound: '0.025', upperBound: '0.029' } });
      assert.equal(model.modelCard.considerations.fairnessAssessments[0].groupAtRisk, 'Groups by accent (us, uk, indian, nigerian)');
      const environment = model.modelCard.considerations.environmentalConsiderations;
      assert.equal(environment === undefined, spec === '1.5');
      assert.equal(losses.some((loss) => loss.where === 'environment'), spec === '1.5');
    }
  });
});

/** Every field of an MCT card that a card holds too, as values (text numbers as numbers, dates as ISO, licences as the id they name). */
function mctFields(json: Json): Json {
  const details = (json.model_details ?? {}) as Json;
  const parameters = (json.model_parameters ?? {}) as Json;
  const analysis = (json.quantitative_analysis ?? {}) as Json;
  const considerations = (json.considerations ?? {}) as Json;
  const version = (details.version ?? {}) as Json;
  const list = (value: unknown) => (Array.isArray(value) ? value : []) as Json[];
  const descriptions = (value: unknown) => list(value).map((item) => (isRecord(item) ? item.description : item));
  // MCT's own test data holds "{image_bytes}" where an image should be: no image to keep.
  const collection = (graphics: unknown) => list((graphics as Json | undefined)?.collection).filter((graphic) => graphic.image !== '{image_bytes}').map((graphic) => ({ name: graphic.name, image: graphic.image }));
  const citations = [...list(details.citations), ...(isRecord(details.citation) ? [details.citation] : [])];
  return {
    name: details.name,
    overview: details.overview,
    documentation: details.documentation,
    owners: details.owners,
    version: { name: version.name, date: version.date === undefined ? undefined : (mctDate(String(version.date)) ?? version.date), diff: version.diff },
    // SPDX ids match in any case: `Apache 2.0` is read as `apache-2.0` and written as `Apache-2.0`.
    licenses: list(details.licenses).map((license) => cardLicenseOf(String(license.identifier ?? license.custom_text))?.toLowerCase()),
    references: list(details.references).map((reference) => reference.reference),
    citations: citations.map((citation) => citation.citation),
    path: details.path,
    architecture: parameters.model_architecture,
    data: list(parameters.data).map((dataset) => ({ name: dataset.name, link: dataset.link, description: dataset.description, sensitive: dataset.sensitive, graphics: collection(dataset.graphics), graphicsDescription: (dataset.graphics as Json | undefined)?.description })).sort((a, b) => String(a.name).localeCompare(String(b.name))),
    formats: [parameters.input_format, parameters.input_format_map, parameters.output_format, parameters.output_format_map],
    metrics: list(analysis.performance_metrics).map((metric) => ({
      type: metric.type,
      value: Number(metric.value),
      slice: metric.slice === undefined || metric.slice === 'overall' ? undefined : metric.slice,
      threshold: metric.threshold === undefined ? undefined : Number(metric.threshold),
      interval: metric.confidence_interval === undefined ? undefined : [Number((metric.confidence_interval as Json).lower_bound), Number((metric.confidence_interval as Json).upper_bound)],
    })),
    graphics: collection(analysis.graphics),
    graphicsDescription: (analysis.graphics as Json | undefined)?.description,
    users: descriptions(considerations.users),
    useCases: descriptions(considerations.use_cases),
    limitations: descriptions(considerations.limitations),
    tradeoffs: descriptions(considerations.tradeoffs),
    risks: list(considerations.ethical_considerations),
  };
}
