import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { cardFileStem, candidateFileName, fillTemplate, freeFileName, modelNameProblem } from '../../../server/src/service/templates/cardFile';

describe('new card files', () => {
  it('name the file after the model, in kebab case', () => {
    assert.equal(cardFileStem('Smiling Detection in Images'), 'smiling-detection-in-images');
    assert.equal(cardFileStem('  ResNet-50 (v2.1)!  '), 'resnet-50-v2-1');
    assert.equal(cardFileStem('Détection de sourires'), 'detection-de-sourires');
    assert.equal(cardFileStem('画像分類 model'), '画像分類-model');
    assert.equal(cardFileStem('org/model_name:latest'), 'org-model-name-latest');
  });

  it('cut long names at a word boundary and avoid the names Windows reserves', () => {
    const stem = cardFileStem('a very long model name that goes on and on well past the sixty character limit');
    assert.equal(stem, 'a-very-long-model-name-that-goes-on-and-on-well-past-the');
    assert.equal(cardFileStem('CON'), 'con-model');
    assert.equal(cardFileStem('lpt1'), 'lpt1-model');
  });

  it('reject names with nothing to name a file after', () => {
    assert.equal(modelNameProblem('   '), 'empty');
    assert.equal(modelNameProblem('!!!'), 'noLetterOrDigit');
    assert.equal(modelNameProblem('x'.repeat(201)), 'tooLong');
    assert.equal(modelNameProblem('ImageClassifier'), undefined);
  });

  it('never reuse a taken name: stem, stem-2, stem-3 ...', async () => {
    assert.equal(candidateFileName('model', 1), 'model.modelcard.yaml');
    assert.equal(candidateFileName('model', 3), 'model-3.modelcard.yaml');
    const taken = new Set(['model.modelcard.yaml', 'model-2.modelcard.yaml']);
    const asked: string[] = [];
    const exists = async (fileName: string) => {
      asked.push(fileName);
      return taken.has(fileName);
    };
    assert.equal(await freeFileName('model', exists), 'model-3.modelcard.yaml');
    assert.deepEqual(asked, ['model.modelcard.yaml', 'model-2.modelcard.yaml', 'model-3.modelcard.yaml']);
    assert.equal(await freeFileName('other', exists), 'other.modelcard.yaml');
  });

  it('name the files of the other kinds with their suffix, by the same rule', async () => {
    assert.equal(candidateFileName('faces', 1, '.datasheet.yaml'), 'faces.datasheet.yaml');
    assert.equal(candidateFileName('faces', 2, '.datasheet.yaml'), 'faces-2.datasheet.yaml');
    const taken = new Set(['rag.systemcard.yaml', 'rag.modelcard.yaml']);
    assert.equal(await freeFileName('rag', async (fileName) => taken.has(fileName), '.systemcard.yaml'), 'rag-2.systemcard.yaml');
    assert.equal(await freeFileName('rag', async (fileName) => taken.has(fileName), '.datasheet.yaml'), 'rag.datasheet.yaml');
  });

  it('fill the model name in as a YAML scalar that reads back as the name, with the chosen line ending', () => {
    const template = '# ${name} is filled in\nname: ${name}\nversion: \'0.1\'\n';
    assert.equal(fillTemplate(template, 'Image Classifier'), '# Image Classifier is filled in\nname: Image Classifier\nversion: \'0.1\'\n');
    assert.equal(fillTemplate(template, ' Image Classifier ', '\r\n'), '# Image Classifier is filled in\r\nname: Image Classifier\r\nversion: \'0.1\'\r\n');
    for (const name of ['yes', '1.10', 'Model: v2', '#1 model', "O'Brien's model", '- dash', '{braces}']) {
      assert.equal(parse(fillTemplate('name: ${name}\n', name)).name, name, name);
    }
  });
});
