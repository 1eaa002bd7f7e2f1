import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { huggingFaceImporter } from '../../../server/src/service/formats/huggingFace/importReadme';
import { modelCardToolkitImporter } from '../../../server/src/service/formats/modelCardToolkit/importMct';
import { corpus, corpusText, cycloneDxValidator, lintErrors } from '../../helpers/formats';

const filesIn = (folder: string, extension: string) => readdirSync(path.join(corpus, folder)).filter((file) => file.endsWith(extension)).map((file) => `${folder}/${file}`);
const hfCards = [...filesIn('hf-cards/huggingface_hub', '.md'), ...filesIn('hf-cards/skops', '.md')];
const mctCards = filesIn('mct', '.json');
const sagemakerFiles = filesIn('sagemaker/evaluation_metrics', '.json');

/** Corpus files whose metadata the Hub would refuse, and what the import says about each. */
const invalidHfCards: Record<string, RegExp> = {
  'hf-cards/huggingface_hub/sample_invalid_card_data.md': /metadata is a list, not a mapping/,
  'hf-cards/huggingface_hub/sample_invalid_model_index.md': /has no dataset \(the Hub refuses it\)/,
  'hf-cards/huggingface_hub/sample_template.md': /template placeholder \(\{\{card_data\}\}\)/,
  'hf-cards/huggingface_hub/sample_datasetcard_template.md': /template placeholder \(\{card_data\}\)/,
};

describe('importing the shared corpus (real files written by others)', () => {
  it('finds the corpus files', () => {
    assert.ok(hfCards.length >= 12 && mctCards.length >= 5 && sagemakerFiles.length >= 8, `${hfCards.length} README fixtures, ${mctCards.length} MCT cards, ${sagemakerFiles.length} SageMaker files`);
  });

  for (const file of hfCards) {
    it(`imports ${file} into a card that lints without errors${invalidHfCards[file] ? ', with a clear finding' : ''}`, () => {
      const result = huggingFaceImporter.import({ text: corpusText(file), fileName: file });
      assert.ok(result.card, 'a card');
      assert.deepEqual(lintErrors(result.card).map((error) => error.message), []);
      const problems = result.findings.filter((finding) => finding.severity !== 'information').map((finding) => finding.message);
      if (invalidHfCards[file]) assert.ok(problems.some((message) => invalidHfCards[file].test(message)), problems.join('\n'));
      for (const finding of result.findings) assert.doesNotMatch(finding.message, /\n/, 'one line');
    });
  }

  for (const file of mctCards.filter((candidate) => !candidate.includes('schema'))) {
    it(`imports ${file} into a card that lints without errors`, () => {
      const result = modelCardToolkitImporter.import({ text: corpusText(file), fileName: file });
      assert.ok(result.card, 'a card');
      assert.deepEqual(lintErrors(result.card).map((error) => error.message), []);
    });
  }

  for (const file of sagemakerFiles) {
    it(`reads ${file} (SageMaker metrics, not an MCT card) without a crash`, () => {
      const result = modelCardToolkitImporter.import({ text: corpusText(file), fileName: file });
      assert.ok(result.card);
      assert.deepEqual(lintErrors(result.card).map((error) => error.message), []);
    });
  }

  it('keeps CRLF metadata, Esperanto text and the keys a card has no field for (under x-huggingface)', () => {
    const { card, losses } = huggingFaceImporter.import({ text: corpusText('hf-cards/huggingface_hub/sample_windows_line_breaks.md'), fileName: 'README.md' });
    assert.equal(card!.license, 'mit');
    assert.equal(card!.language, 'eo');
    assert.deepEqual(card!['x-huggingface'], {
      thumbnail: 'https://huggingface.co/blog/assets/01_how-to-train/EsperBERTo-thumbnail-v2.png',
      widget: [{ text: 'Jen la komenco de bela <mask>.' }, { text: 'Uno du <mask>' }, { text: 'Jen finiĝas bela <mask>.' }],
    });
    assert.deepEqual(losses.map((loss) => loss.where), ['thumbnail', 'widget']);
  });

  it('reads model-index results with their dataset, config, split and revision', () => {
    const { card } = huggingFaceImporter.import({ text: corpusText('hf-cards/huggingface_hub/sample_simple_model_index.md'), fileName: 'README.md' });
    assert.equal(card!.name, 'my-cool-model');
    assert.equal(card!.task, 'image-classification');
    assert.deepEqual(card!.metrics, [
      { name: 'accuracy', value: 0.9, dataset: 'Beans' },
      { name: 'f1', value: 0.66, dataset: 'Beans (default, test)', 'x-huggingface': { dataset: { args: { date: 20220120 } } } },
    ]);
    assert.deepEqual(card!.evaluation_data, [
      { name: 'Beans', hub_id: 'beans' },
      { name: 'Beans (default, test)', hub_id: 'beans', config: 'default', split: 'test', revision: '5503434ddd753f426f4b38109466949a1217c2bb', 'x-huggingface': { name: 'Beans' } },
    ]);
  });

  it('reads GPT-2\'s results table (datasets in columns, a row of metric names), percentages as percent, and reports the cell it cannot read', () => {
    const { card, losses } = huggingFaceImporter.import({ text: corpusText('hf-cards/skops/gpt2.md'), fileName: 'gpt2/README.md' });
    const results = card!.metrics as Record<string, unknown>[];
    assert.equal(results.length, 9);
    assert.deepEqual(results[0], { name: 'PPL', value: 35.13, dataset: 'LAMBADA' });
    assert.deepEqual(results[1], { name: 'ACC', value: 45.99, unit: 'percent', dataset: 'LAMBADA' });
    assert.deepEqual(losses.find((loss) => loss.where.startsWith('table')), { where: 'table at line 150', reason: '"1,17" (BPC, text8) is not a number' });
    assert.ok((card!.limitations as string).startsWith('The training data used for this model has not been released'), 'the "Limitations and bias" section');
  });

  it('reads Mitchell-style sections (CLIP): date, uses, out-of-scope uses, contact', () => {
    const { card } = huggingFaceImporter.import({ text: corpusText('hf-cards/skops/clip-vit-large-patch14.md'), fileName: 'README.md' });
    assert.equal(card!.name, 'CLIP');
    assert.equal(card!.date, '2021-01');
    assert.match((card!.intended_use as Record<string, string>).primary_uses, /research output for research communities/);
    assert.match((card!.intended_use as Record<string, string>).out_of_scope, /^\*\*Any\*\* deployed use case of the model/);
    assert.match(card!.contact as string, /Google Form/);
  });

  it('migrates MCT v0.0.1 as MCT does: the same card as the v0.0.2 file', () => {
    const older = modelCardToolkitImporter.import({ text: corpusText('mct/cats_vs_dogs_v0_0_1.json'), fileName: 'cats.json' });
    const newer = modelCardToolkitImporter.import({ text: corpusText('mct/cats_vs_dogs_v0_0_2.json'), fileName: 'cats.json' });
    assert.deepEqual(older.card, newer.card);
    assert.deepEqual(older.files, newer.files);
    assert.equal(newer.card!.date, '2020-08-28');
    assert.deepEqual(newer.files.map((file) => file.path), ['fine-tuned-mobilenetv2-model-for-cat-vs-dogs-graphics/validation-set-size.png', 'fine-tuned-mobilenetv2-model-for-cat-vs-dogs-graphics/accuracy.png']);
    assert.deepEqual((newer.card!.graphics as { path: string }[]).map((graphic) => graphic.path), newer.files.map((file) => file.path));
    assert.ok(newer.files.every((file) => Buffer.from(file.base64!, 'base64').subarray(1, 4).toString() === 'PNG'));
  });

  it('reports MCT graphics that hold no image, and non-ISO dates it read', () => {
    const { card, findings } = modelCardToolkitImporter.import({ text: corpusText('mct/full.json'), fileName: 'full.json' });
    assert.equal(card!.date, '2020-02-02');
    assert.equal(card!.graphics, undefined);
    assert.deepEqual(findings.map((finding) => finding.message).filter((message) => /Graphic/.test(message)).length, 3);
  });

  it('gives a clear finding with a position for a file that is not JSON', () => {
    const { card, findings } = modelCardToolkitImporter.import({ text: '{"model_details": {"name": "x",}}', fileName: 'bad.json' });
    assert.equal(card, undefined);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^Not valid JSON/);
    assert.equal(findings[0].start, 31);
  });

  it('validates the official CycloneDX ML-BOM example with the schema the export tests use', () => {
    const validate = cycloneDxValidator('1.6');
    assert.ok(validate(JSON.parse(corpusText('cyclonedx/examples/valid-machine-learning-1.6.json'))), JSON.stringify(validate.errors));
  });
});
