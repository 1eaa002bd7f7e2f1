import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { documentKinds } from '../../../server/src/service/kinds/registry';
import { createLanguageService } from '../../../server/src/service/languageService';
import { fillTemplate } from '../../../server/src/service/templates/cardFile';
import { cardDocument } from '../../helpers/cards';

const templatesFolder = path.resolve(__dirname, '../../../templates');

describe('the templates of every document kind', () => {
  for (const kind of documentKinds) {
    const suffix = kind.fileSuffixes[0];
    const files = readdirSync(templatesFolder).filter((file) => file.endsWith(suffix));

    it(`${kind.label}: the kind offers each ${suffix} file of templates/ once, by its name, as written there`, () => {
      assert.deepEqual(kind.templates.map((template) => `${template.id}${suffix}`).sort(), files.sort());
      for (const template of kind.templates) assert.equal(template.text, readFileSync(path.join(templatesFolder, `${template.id}${suffix}`), 'utf8'));
    });

    for (const file of files) {
      it(`${file}: as written and once filled, parses cleanly as a ${kind.words.document} and has no findings but placeholders, which it has`, () => {
        const template = readFileSync(path.join(templatesFolder, file), 'utf8');
        assert.ok(template.includes('name: ${name}'), 'the template has a name to fill in');
        for (const text of [template, fillTemplate(template, 'Support Tickets'), fillTemplate(template, 'Support Tickets', '\r\n')]) {
          const service = createLanguageService();
          const document = cardDocument(text, `file:///templates/${file}`);
          assert.equal(service.kindOf(document.uri), kind);
          assert.deepEqual(service.parse(document).problems, []);
          const diagnostics = service.validate(document);
          assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.code !== 'MC030').map((diagnostic) => diagnostic.message), []);
          assert.ok(diagnostics.length >= 5, `only ${diagnostics.length} placeholders`);
        }
      });
    }
  }
});
