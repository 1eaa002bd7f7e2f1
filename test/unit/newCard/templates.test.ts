import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fillTemplate } from '../../../server/src/service/templates/cardFile';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardDocument } from '../../helpers/cards';

const templatesFolder = path.resolve(__dirname, '../../../templates');
const templateFiles = readdirSync(templatesFolder).filter((file) => file.endsWith('.modelcard.yaml'));

describe('the card templates', () => {
  it('are the five that New Model Card offers', () => {
    assert.deepEqual(templateFiles.sort(), [
      'eu-ai-act-high-risk.modelcard.yaml',
      'hugging-face.modelcard.yaml',
      'minimal.modelcard.yaml',
      'model-card-toolkit.modelcard.yaml',
      'standard.modelcard.yaml',
    ]);
  });

  for (const file of templateFiles) {
    it(`${file}: as written and once filled, parses cleanly and has no findings but placeholders, which it has`, () => {
      const template = readFileSync(path.join(templatesFolder, file), 'utf8');
      assert.ok(template.includes('name: ${name}'), 'the template has a name to fill in');
      for (const text of [template, fillTemplate(template, 'Image Classifier'), fillTemplate(template, 'Image Classifier', '\r\n')]) {
        const service = createLanguageService();
        const document = cardDocument(text, `file:///cards/${file}`);
        assert.deepEqual(service.parse(document).problems, []);
        const diagnostics = service.validate(document);
        assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.code !== 'MC030').map((diagnostic) => diagnostic.message), []);
        assert.ok(diagnostics.length >= 5, `only ${diagnostics.length} placeholders`);
      }
    });
  }
});
