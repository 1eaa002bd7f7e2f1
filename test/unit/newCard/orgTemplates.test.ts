import assert from 'node:assert/strict';
import { kindFiles } from '../../../server/src/service/kinds/kindFiles';
import { fillTemplate } from '../../../server/src/service/templates/cardFile';
import { orgTemplates } from '../../../server/src/service/templates/orgTemplates';

const clinical = '# Clinical imaging model (high risk)\n# More about it.\nname: ${name}\nlicense: other\n';
const survey = 'name: ${name}\r\nmotivation:\r\n  purpose: TODO\r\n';
const rag = '#   Support assistant   \nname: ${name}\ncomponents: []\n';

describe("an organisation's templates", () => {
  it('are templates of the kind their suffix names, with an org: id from the file stem, labelled by their first comment line or file name', () => {
    const found = orgTemplates(
      [
        { name: 'survey.datasheet.yaml', text: survey },
        { name: 'clinical-imaging.modelcard.yaml', text: clinical },
        { name: 'rag.SystemCard.yml', text: rag },
      ],
      kindFiles,
      'Northwind Health',
    );
    assert.deepEqual(found, {
      templates: [
        { id: 'org:clinical-imaging', label: 'Clinical imaging model (high risk)', detail: 'Northwind Health template (clinical-imaging.modelcard.yaml)', text: clinical, kindId: 'modelCard', fileName: 'clinical-imaging.modelcard.yaml' },
        { id: 'org:rag', label: 'Support assistant', detail: 'Northwind Health template (rag.SystemCard.yml)', text: rag, kindId: 'systemCard', fileName: 'rag.SystemCard.yml' },
        { id: 'org:survey', label: 'survey.datasheet.yaml', detail: 'Northwind Health template (survey.datasheet.yaml)', text: survey, kindId: 'datasheet', fileName: 'survey.datasheet.yaml' },
      ],
      problems: [],
    });
  });

  it('never take a built-in id: the organisation\'s standard is org:standard, beside the built-in standard', () => {
    const [template] = orgTemplates([{ name: 'standard.modelcard.yaml', text: clinical }], kindFiles).templates;
    assert.equal(template.id, 'org:standard');
    assert.equal(template.detail, 'Organisation template (standard.modelcard.yaml)');
    assert.ok(kindFiles[0].templates.some((builtIn) => builtIn.id === 'standard'));
  });

  it('fill in the name as the built-in templates do', () => {
    const [template] = orgTemplates([{ name: 'clinical-imaging.modelcard.yaml', text: clinical }], kindFiles).templates;
    assert.equal(fillTemplate(template.text, 'Chest X-ray: Triage'), "# Clinical imaging model (high risk)\n# More about it.\nname: 'Chest X-ray: Triage'\nlicense: other\n");
  });

  it('place a problem in the file as written, after a name placeholder too', () => {
    const text = 'name: ${name}\ntags: [${name}] extra\n';
    assert.deepEqual(orgTemplates([{ name: 'tags.modelcard.yaml', text }], kindFiles).problems, ['tags.modelcard.yaml:2:17: not valid YAML: Unexpected scalar at node end']);
  });

  it('leave out a file that is not YAML, or not a mapping, or takes another file\'s id, each with a one-line problem; other files are not templates', () => {
    const found = orgTemplates(
      [
        { name: 'README.md', text: '# Our templates\n' },
        { name: 'broken.modelcard.yaml', text: 'name: ${name}\nlicense: [mit\n' },
        { name: 'list.datasheet.yaml', text: '- name: ${name}\n' },
        { name: 'empty.systemcard.yaml', text: '# nothing yet\n' },
        { name: 'twin.modelcard.yaml', text: clinical },
        { name: 'twin.modelcard.yml', text: clinical },
      ],
      kindFiles,
    );
    assert.deepEqual(found.templates.map((template) => template.fileName), ['twin.modelcard.yaml']);
    assert.deepEqual(found.problems, [
      'broken.modelcard.yaml:3:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'empty.systemcard.yaml:1:1: not a template: a card is a mapping of keys such as `name:`',
      'list.datasheet.yaml:1:1: not a template: a card is a mapping of keys such as `name:`',
      'twin.modelcard.yml: same template id (org:twin) as twin.modelcard.yaml: rename one of them',
    ]);
  });
});
